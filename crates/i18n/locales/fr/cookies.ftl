# cookies: French. A key `area.rest` of the code is the message `area-rest` here.

## Errors

cookies-required = Votre navigateur refuse les cookies. Le Manager en a besoin pour vous connecter (session et langue) : autorisez-les pour ce site.
cookies-guide_link = Comment activer les cookies et JavaScript
