# British-style dates for the English site: "13 April 2023" (Chinese keeps Django's "2023年4月13日").
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j M Y"
