"""Kinds contact-*: a bio's phone number, its e-mail domain, an address glued to a number."""

from __future__ import annotations

from audit.catalogue import Rule
from audit.document import from_bytes
from audit.kinds import contact


class _Lists:
    def __init__(self, **lists):
        self.lists = dict(lists)

    def word_list(self, name):
        return tuple(self.lists[name])


LISTS = _Lists(free=["gmail.com", "outlook.com"])


def _rule(kind, **params):
    return Rule(id="fake-contact.test", signal="fake-contact", category="scraping", kind=kind,
                summary="s", why="w", lookalikes="l", message="m", params=params, flag=("x",), passes=("y",))


def _hits(kind, text, **params):
    rule = _rule("k", **params)
    doc = from_bytes("t.txt", text.encode(), fmt="text")
    return [(h.start, doc.text[h.start:h.end], dict(h.fields)) for h in kind.run(rule, kind.compile(rule, LISTS), doc)]


STORY = "The council met on Monday and approved the plan.\n\n"


# contact-bio-phone

def test_toll_free_number_in_a_bio_is_flagged():
    text = STORY + "Dana Reyes is a staff writer. Reach me at 1-800-555-0199."
    [(start, number, fields)] = _hits(contact.BIO_PHONE, text)
    assert (start, number) == (len(STORY) + 42, "1-800-555-0199")
    assert fields["problem"].startswith("a toll-free number")


def test_invalid_number_in_a_bio_is_flagged():
    text = STORY + "Dana Reyes is a staff writer. Reach me at (123) 456-7890."
    assert [(n, f["problem"]) for _, n, f in _hits(contact.BIO_PHONE, text)] == [("(123) 456-7890", "an invalid phone number")]


def test_a_real_personal_number_and_numbers_outside_bios_pass():
    assert _hits(contact.BIO_PHONE, STORY + "Dana Reyes is a staff writer. Reach me at (212) 555-2368.") == []
    # a toll-free line in the story itself (a hotline) is no bio
    assert _hits(contact.BIO_PHONE, STORY + "The hotline, 1-800-555-0199, is open all week.") == []


def test_region_param_reads_numbers_without_a_country_code():
    text = STORY + "Dana Reyes is a staff writer. Reach me at 0800 123 4567."
    assert contact.BIO_PHONE.compile(_rule("k"), None) == "US"
    assert [f["problem"] for _, _, f in _hits(contact.BIO_PHONE, text, region="GB")] == [
        "a toll-free number, which no reporter gives as a personal line"]


# contact-email-domain

def test_email_domain_never_mentioned_is_flagged():
    text = STORY + "Dana Reyes is a staff writer. Contact me at dana@quillharbor.example."
    assert _hits(contact.EMAIL_DOMAIN, text, free_mail_from="free") == [
        (len(STORY) + 44, "dana@quillharbor.example", {"domain": "quillharbor.example"})]


def test_email_domain_named_in_the_text_or_free_mail_passes():
    named = "The Quill Harbor council met on Monday.\n\nDana Reyes is a staff writer. Contact me at dana@quillharbor.example."
    assert _hits(contact.EMAIL_DOMAIN, named, free_mail_from="free") == []
    free = STORY + "Dana Reyes is a staff writer. Contact me at dana.reyes@gmail.com."
    assert _hits(contact.EMAIL_DOMAIN, free, free_mail_from="free") == []
    assert [d["domain"] for _, _, d in _hits(contact.EMAIL_DOMAIN, free)] == ["gmail.com"]  # without the list it counts


# contact-glued

def test_email_run_into_a_phone_number_is_flagged():
    text = "Write to desk@harbor.example +1 212 555 2368 for tips."
    assert _hits(contact.GLUED, text) == [(9, "desk@harbor.example +1 212 555 2368", {})]


def test_email_and_phone_apart_pass():
    assert _hits(contact.GLUED, "Write to desk@harbor.example or call +1 212 555 2368.") == []
