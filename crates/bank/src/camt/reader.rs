//! The streaming state machine behind [`read`] and [`read_from`].

use super::error::CamtError;
use super::fields::{
    EntryDraft, assign_entry, assign_header, assign_report, assign_tx, finish_entry,
};
use super::model::{CamtDocument, Entry, MessageKind, ReadLimits, Report, TxDetail};
use quick_xml::XmlVersion;
use quick_xml::escape::resolve_xml_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;
use std::io::BufRead;

/// Reads a camt.053/054 file held in memory. Refuses input over `limits.max_bytes` at once.
pub fn read(input: &[u8], limits: &ReadLimits) -> Result<CamtDocument, CamtError> {
    if input.len() as u64 > limits.max_bytes {
        return Err(CamtError::TooLarge {
            max_bytes: limits.max_bytes,
        });
    }
    read_from(input, limits)
}

/// Reads a camt.053/054 file from any buffered source, never holding more than
/// `limits.max_bytes` of it; the caller owns the source (file, upload, …).
pub fn read_from<R: BufRead>(input: R, limits: &ReadLimits) -> Result<CamtDocument, CamtError> {
    let mut stream = EntryStream::open(input, limits, false);
    while stream.next_entry()?.is_some() {}
    stream.finish()
}

/// A camt file read entry by entry, with every check of [`read_from`]: memory holds one entry (and
/// the header and reports read so far), whatever the size of the file. [`EntryStream::finish`]
/// gives the document without its entries (header and reports) once they are all read.
pub struct EntryStream<'l, R: BufRead> {
    reader: Reader<std::io::Take<R>>,
    buf: Vec<u8>,
    state: State<'l>,
    done: bool,
}

impl<'l, R: BufRead> EntryStream<'l, R> {
    /// Starts reading `input`; with `streaming`, entries are handed out by
    /// [`EntryStream::next_entry`] instead of kept in their reports.
    fn open(input: R, limits: &'l ReadLimits, streaming: bool) -> Self {
        let mut state = State::new(limits);
        state.streaming = streaming;
        EntryStream {
            reader: Reader::from_reader(input.take(limits.max_bytes.saturating_add(1))),
            buf: Vec::new(),
            state,
            done: false,
        }
    }

    /// Reads `input` entry by entry (see [`EntryStream`]).
    pub fn new(input: R, limits: &'l ReadLimits) -> Self {
        Self::open(input, limits, true)
    }

    /// What is known of the document so far: its kind, version and header once read, and the
    /// reports finished so far (without entries).
    pub fn header(&self) -> &CamtDocument {
        &self.state.doc
    }

    /// The next entry in file order, or None at the end of the file; an error refuses the file.
    pub fn next_entry(&mut self) -> Result<Option<Entry>, CamtError> {
        let too_large = CamtError::TooLarge {
            max_bytes: self.state.limits.max_bytes,
        };
        loop {
            if let Some(e) = self.state.ready.take() {
                return Ok(Some(e));
            }
            if self.done {
                return Ok(None);
            }
            let event = match self.reader.read_event_into(&mut self.buf) {
                Ok(event) => event,
                Err(e) => {
                    if self.reader.get_ref().limit() == 0 {
                        return Err(too_large);
                    }
                    return Err(CamtError::Xml {
                        position: self.reader.error_position(),
                        message: e.to_string(),
                    });
                }
            };
            let position = self.reader.buffer_position();
            let state = &mut self.state;
            match event {
                Event::DocType(_) => return Err(CamtError::Doctype { position }),
                Event::Decl(decl) => {
                    if let Some(Ok(enc)) = decl.encoding()
                        && !enc.eq_ignore_ascii_case("utf-8")
                    {
                        return Err(CamtError::Encoding(enc.into_owned()));
                    }
                }
                Event::Start(start) => state.start(&start, position)?,
                Event::Empty(start) => {
                    state.start(&start, position)?;
                    state.end()?;
                }
                Event::End(_) => state.end()?,
                Event::Text(t) => state.text(&t.xml10_content()),
                Event::CData(c) => state.text(&c.xml10_content()),
                Event::GeneralRef(r) => {
                    let name = r.xml10_content();
                    match r.resolve_char_ref() {
                        Ok(Some(c)) => state.text(c.encode_utf8(&mut [0; 4])),
                        Ok(None) => match resolve_xml_entity(&name) {
                            Some(s) => state.text(s),
                            None => {
                                return Err(CamtError::Entity {
                                    name: name.into_owned(),
                                    position,
                                });
                            }
                        },
                        Err(e) => {
                            return Err(CamtError::Xml {
                                position,
                                message: e.to_string(),
                            });
                        }
                    }
                }
                Event::Eof => self.done = true,
                Event::Comment(_) | Event::PI(_) => {}
            }
            if self.reader.get_ref().limit() == 0 {
                return Err(too_large);
            }
            self.buf.clear();
        }
    }

    /// Reads to the end and gives the document (its reports without entries when streaming).
    pub fn finish(mut self) -> Result<CamtDocument, CamtError> {
        while self.next_entry()?.is_some() {}
        self.state.finish()
    }
}

/// Parser state: the open element path and the objects being filled.
struct State<'l> {
    limits: &'l ReadLimits,
    /// Local names of the open elements, root first.
    stack: Vec<String>,
    /// Text of the innermost open element.
    text: String,
    /// `Ccy` attribute of the innermost open element.
    ccy: Option<String>,
    kind: Option<MessageKind>,
    /// The root element's namespace, as written.
    namespace: Option<String>,
    version: String,
    doc: CamtDocument,
    /// Open report and the stack length at which it was opened.
    report: Option<(Report, usize)>,
    entry: Option<(EntryDraft, usize)>,
    tx: Option<(TxDetail, usize)>,
    entries_seen: usize,
    details_seen: usize,
    /// Entries handed out one by one rather than kept in their report.
    streaming: bool,
    /// A finished entry not handed out yet (streaming).
    ready: Option<Entry>,
}

impl<'l> State<'l> {
    fn new(limits: &'l ReadLimits) -> Self {
        State {
            limits,
            stack: Vec::new(),
            text: String::new(),
            ccy: None,
            kind: None,
            namespace: None,
            version: String::new(),
            doc: CamtDocument {
                kind: MessageKind::Statement,
                version: String::new(),
                message_id: None,
                created_at: None,
                additional_info: None,
                page_number: None,
                last_page: None,
                reports: Vec::new(),
            },
            report: None,
            entry: None,
            tx: None,
            entries_seen: 0,
            details_seen: 0,
            streaming: false,
            ready: None,
        }
    }

    fn text(&mut self, s: &str) {
        self.text.push_str(s);
    }

    fn start(&mut self, e: &BytesStart<'_>, position: u64) -> Result<(), CamtError> {
        if self.stack.len() >= self.limits.max_depth {
            return Err(CamtError::TooDeep {
                max_depth: self.limits.max_depth,
                position,
            });
        }
        let name = e.local_name().as_ref().to_owned();
        self.text.clear();
        self.ccy = None;
        for attr in e.attributes() {
            let attr = attr.map_err(|err| CamtError::Xml {
                position,
                message: err.to_string(),
            })?;
            let key = attr.key.as_ref();
            let is_ccy = key == "Ccy";
            // The root's own namespace: the default one, or the one bound to its prefix.
            let own_ns = match e.name().prefix() {
                Some(prefix) => key.strip_prefix("xmlns:") == Some(prefix.as_ref()),
                None => key == "xmlns",
            };
            let is_ns = own_ns;
            if !(is_ccy || (is_ns && self.stack.is_empty())) {
                continue;
            }
            let value = attr
                .normalized_value(XmlVersion::Implicit1_0)
                .map_err(|err| CamtError::Xml {
                    position,
                    message: err.to_string(),
                })?;
            if is_ccy {
                self.ccy = Some(value.trim().to_owned());
            } else {
                self.namespace = Some(value.trim().to_owned());
            }
        }
        let depth = self.stack.len();
        match depth {
            0 if name != "Document" => {
                return Err(CamtError::NotCamt(format!("root element is <{name}>")));
            }
            1 => {
                let kind = match name.as_str() {
                    "BkToCstmrStmt" => MessageKind::Statement,
                    "BkToCstmrDbtCdtNtfctn" => MessageKind::Notification,
                    other => return Err(CamtError::NotCamt(format!("message <{other}>"))),
                };
                self.version = check_namespace(self.namespace.as_deref(), kind)?;
                self.kind = Some(kind);
                self.doc.kind = kind;
                self.doc.version.clone_from(&self.version);
            }
            2 if name == "Stmt" || name == "Ntfctn" => {
                self.report = Some((Report::default(), depth + 1));
            }
            _ => {}
        }
        if name == "Ntry"
            && self.report.as_ref().is_some_and(|(_, l)| *l == depth)
            && self.entry.is_none()
        {
            self.entries_seen += 1;
            if self.entries_seen > self.limits.max_entries {
                return Err(CamtError::TooManyEntries {
                    max_entries: self.limits.max_entries,
                });
            }
            self.entry = Some((EntryDraft::default(), depth + 1));
        }
        if name == "TxDtls"
            && self.tx.is_none()
            && self.entry.as_ref().is_some_and(|(_, l)| *l + 1 == depth)
            && self.stack.last().is_some_and(|p| p == "NtryDtls")
        {
            self.details_seen += 1;
            if self.details_seen > self.limits.max_entries {
                return Err(CamtError::TooManyEntries {
                    max_entries: self.limits.max_entries,
                });
            }
            self.tx = Some((TxDetail::default(), depth + 1));
        }
        self.stack.push(name);
        Ok(())
    }

    fn end(&mut self) -> Result<(), CamtError> {
        let len = self.stack.len();
        let text = std::mem::take(&mut self.text);
        let ccy = self.ccy.take();
        let entry_no = self.entries_seen;
        if let Some((tx, level)) = self.tx.as_mut() {
            if len > *level {
                assign_tx(tx, &self.stack[*level..], text, ccy, entry_no)?;
            } else if let Some((tx, _)) = self.tx.take()
                && let Some((entry, _)) = self.entry.as_mut()
            {
                entry.details.push(tx);
            }
        } else if let Some((entry, level)) = self.entry.as_mut() {
            if len > *level {
                assign_entry(entry, &self.stack[*level..], text, ccy);
            } else if let Some((draft, _)) = self.entry.take() {
                let entry = finish_entry(draft, entry_no)?;
                if self.streaming {
                    self.ready = Some(entry);
                } else if let Some((report, _)) = self.report.as_mut() {
                    report.entries.push(entry);
                }
            }
        } else if let Some((report, level)) = self.report.as_mut() {
            if len > *level {
                assign_report(report, &self.stack[*level..], text);
            } else if let Some((report, _)) = self.report.take() {
                self.doc.reports.push(report);
            }
        } else if len > 2 {
            assign_header(&mut self.doc, &self.stack[2..], text);
        }
        self.stack.pop();
        Ok(())
    }

    fn finish(mut self) -> Result<CamtDocument, CamtError> {
        let kind = self
            .kind
            .ok_or_else(|| CamtError::NotCamt("no camt message element".into()))?;
        if !self.stack.is_empty() {
            return Err(CamtError::Xml {
                position: 0,
                message: "unexpected end of file".into(),
            });
        }
        self.doc.kind = kind;
        self.doc.version = self.version;
        Ok(self.doc)
    }
}

/// The namespace prefix of every camt message we read; the message and version follow it.
const NAMESPACE_PREFIX: &str = "urn:iso:std:iso:20022:tech:xsd:";

/// Versions (`camt.05x.001.NN`) the reader is written for: SPS "2009" and "2019".
pub const SUPPORTED_VERSIONS: [&str; 2] = ["04", "08"];

/// The document's namespace must be exactly camt.053 (statement) or camt.054 (notification) of a
/// supported version, matching the message element: anything else (camt.052, another standard, no
/// namespace, a look-alike) is refused with what was found. Returns the message id, e.g.
/// `camt.054.001.08`.
pub(crate) fn check_namespace(ns: Option<&str>, kind: MessageKind) -> Result<String, CamtError> {
    let found = || ns.unwrap_or("").to_owned();
    let expected = match kind {
        MessageKind::Statement => "camt.053",
        MessageKind::Notification => "camt.054",
    };
    let Some(message) = ns.and_then(|n| n.strip_prefix(NAMESPACE_PREFIX)) else {
        return Err(CamtError::Namespace {
            found: found(),
            expected,
        });
    };
    let version = message
        .strip_prefix(expected)
        .and_then(|v| v.strip_prefix(".001."))
        .filter(|v| SUPPORTED_VERSIONS.contains(v));
    match version {
        Some(_) => Ok(message.to_owned()),
        None => Err(CamtError::Namespace {
            found: found(),
            expected,
        }),
    }
}
