# cookies: English. A key `area.rest` of the code is the message `area-rest` here.

## Errors

cookies-required = Your browser refuses cookies. The Manager needs them to sign you in (session and language): allow them for this site.
cookies-guide_link = How to enable cookies and JavaScript
