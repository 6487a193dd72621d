# lang: German. A key `area.rest` of the code is the message `area-rest` here.

## Navigation and layout

lang-label = Sprache
