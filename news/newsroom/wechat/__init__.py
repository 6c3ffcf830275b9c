""" "Copy for WeChat": an article in one language as HTML that the WeChat official account
editor (mp.weixin.qq.com) keeps when it is pasted there.

That editor drops style sheets, classes, scripts and frames, and fetches every image from its
address to keep a copy of its own. So the copy is the **live version** of the article (the
text visitors read, and which its closing link leads to) written as plain elements with every
style on the element itself (`style="..."`), every image a JPEG rendition addressed by its
absolute URL on the site's own host, every link absolute, the credits and "Read on <site>:
<the article's address>" at the end.

Modules, bottom up: markup.py (the allow-list of elements and attributes, their inline
styles, absolute addresses: what any HTML of the copy goes through last), content.py (what
the copy holds, rendered from `templates/newsroom/wechat/copy.html` in the chosen language),
views.py (the admin page `/admin/wechat-copy/<page id>/?lang=<code>` and its header button).
Sending the copy through the official account's API is left out: it needs the account's
AppID and secret and a connection to api.weixin.qq.com.
"""
