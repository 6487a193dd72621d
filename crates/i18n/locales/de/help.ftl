# help: German. A key `area.rest` of the code is the message `area-rest` here.

## Navigation and layout

help-this_page = Hilfe zu dieser Seite

## Help

help-title = Hilfe
help-intro = Hier gibt es nur Lösungen. Wählen Sie ein Thema.
help-all_topics = Alle Themen
help-search_label = Hilfe durchsuchen
help-search_placeholder = z. B. Proforma-Rechnung, Prepaid-Konto…
help-search = Suchen
help-results = Suchergebnisse
help-no_results = Keine Anleitung passt. Versuchen Sie andere Wörter oder stöbern Sie in den Kategorien.
help-about_page = Anleitungen zur Seite, von der Sie kommen
help-none_for_page = Noch keine Anleitung für diese Seite: Suchen Sie oben.
help-all_in_category = Alle Anleitungen dieser Kategorie
help-empty_category = Keine Anleitung in dieser Kategorie für diese Sprache.
help-other_languages = Auch verfügbar auf:
help-related = Verwandte Anleitungen
help-helpful = War diese Anleitung hilfreich?
help-comment_label = Ein Kommentar (optional)
help-yes = Ja
help-no = Nein
help-thanks = Danke für Ihre Rückmeldung!
