# lang: French. A key `area.rest` of the code is the message `area-rest` here.

## Navigation and layout

lang-label = Langue
