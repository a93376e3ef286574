"""Story text of our own that page-shape tests build their pages around."""

LEDE = (
    "The harbour board met on Monday to discuss the dredging contract, which has been delayed twice "
    "since the winter storms damaged the outer wall and silted the channel"
)
MORE = "Board members said the work would start in May if the weather held."
