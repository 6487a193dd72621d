# help: English. A key `area.rest` of the code is the message `area-rest` here.

## Navigation and layout

help-this_page = Help about this page

## Help

help-title = Help
help-intro = Here, there are only solutions. Pick a topic.
help-all_topics = All topics
help-search_label = Search the help
help-search_placeholder = e.g. pro forma invoice, prepaid account…
help-search = Search
help-results = Search results
help-no_results = No guide matches. Try other words, or browse the categories.
help-about_page = Guides about the page you came from
help-none_for_page = No guide for this page yet: search above.
help-all_in_category = All guides in this category
help-empty_category = No guide in this category for this language.
help-other_languages = Also available in:
help-related = Related guides
help-helpful = Was this guide helpful?
help-comment_label = A comment (optional)
help-yes = Yes
help-no = No
help-thanks = Thank you for your feedback!
