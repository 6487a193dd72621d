//! A small HTTP client that behaves like a browser for our purposes: keeps cookies by name, does not
//! follow redirects (tests look at them), and remembers the last CSRF token a page carried.

use reqwest::header::{COOKIE, HeaderMap, SET_COOKIE};
use std::collections::BTreeMap;

pub struct Client {
    base: String,
    http: reqwest::Client,
    pub cookies: BTreeMap<String, String>,
    pub csrf: String,
    pub user_agent: String,
}

#[derive(Debug)]
pub struct Resp {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: String,
    /// The body as received (for binary downloads such as PDFs).
    pub bytes: Vec<u8>,
}

impl Resp {
    pub fn location(&self) -> &str {
        self.headers
            .get("location")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    pub fn set_cookies(&self) -> Vec<String> {
        self.headers
            .get_all(SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok().map(str::to_string))
            .collect()
    }
}

impl Client {
    pub fn new(base: &str) -> Client {
        guichet_app::http::install_crypto_provider();
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        Client {
            base: base.to_string(),
            http,
            cookies: BTreeMap::new(),
            csrf: String::new(),
            user_agent: "guichet-tests/1".into(),
        }
    }

    fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    async fn finish(&mut self, req: reqwest::RequestBuilder) -> Resp {
        let mut req = req.header("user-agent", &self.user_agent);
        if !self.cookies.is_empty() {
            req = req.header(COOKIE, self.cookie_header());
        }
        let res = req.send().await.expect("request");
        let status = res.status().as_u16();
        let headers = res.headers().clone();
        for sc in headers
            .get_all(SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
        {
            let first = sc.split(';').next().unwrap_or("");
            if let Some((k, v)) = first.split_once('=') {
                if v.is_empty() || sc.contains("Max-Age=0") {
                    self.cookies.remove(k);
                } else {
                    self.cookies.insert(k.to_string(), v.to_string());
                }
            }
        }
        let bytes = res.bytes().await.map(|b| b.to_vec()).unwrap_or_default();
        // An amount's no-break space (`CHF 12.00`, core::human) reads as a space: tests compare
        // text as a person reads it; `bytes` keep the page as sent (it/words.rs checks the space).
        let body = String::from_utf8_lossy(&bytes).replace('\u{a0}', " ");
        if let Some(token) = find_csrf(&body) {
            self.csrf = token;
        }
        Resp {
            status,
            headers,
            body,
            bytes,
        }
    }

    pub async fn get(&mut self, path: &str) -> Resp {
        let req = self.http.get(format!("{}{path}", self.base));
        self.finish(req).await
    }

    /// POSTs a form with the current CSRF token.
    pub async fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> Resp {
        let mut all: Vec<(&str, &str)> = vec![("csrf", self.csrf.as_str())];
        all.extend_from_slice(fields);
        let body = serde_urlencoded(&all);
        let req = self
            .http
            .post(format!("{}{path}", self.base))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body);
        self.finish(req).await
    }

    /// POSTs a form exactly as given (no token added), with extra headers.
    pub async fn post_raw(
        &mut self,
        path: &str,
        fields: &[(&str, &str)],
        headers: &[(&str, &str)],
    ) -> Resp {
        let mut req = self
            .http
            .post(format!("{}{path}", self.base))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(serde_urlencoded(fields));
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        self.finish(req).await
    }

    /// POSTs a multipart form with the current CSRF token: text fields, then files as
    /// `(field, file name, content type, bytes)`.
    pub async fn post_multipart(
        &mut self,
        path: &str,
        fields: &[(&str, &str)],
        files: &[(&str, &str, &str, Vec<u8>)],
    ) -> Resp {
        let mut form = reqwest::multipart::Form::new().text("csrf", self.csrf.clone());
        for (k, v) in fields {
            form = form.text((*k).to_string(), (*v).to_string());
        }
        for (field, name, kind, bytes) in files {
            let part = reqwest::multipart::Part::bytes(bytes.clone())
                .file_name((*name).to_string())
                .mime_str(kind)
                .unwrap();
            form = form.part((*field).to_string(), part);
        }
        let req = self
            .http
            .post(format!("{}{path}", self.base))
            .multipart(form);
        self.finish(req).await
    }

    /// Loads the login page (for the CSRF cookie) and signs in.
    pub async fn login(&mut self, email: &str, password: &str) -> Resp {
        self.get("/login").await;
        self.post(
            "/login",
            &[("email", email), ("current", password), ("next", "/")],
        )
        .await
    }

    /// Signs in and loads the home page (so `csrf` is the session's token).
    pub async fn login_ok(&mut self, email: &str, password: &str) {
        let r = self.login(email, password).await;
        assert_eq!(r.status, 303, "login of {email} failed: {}", r.body);
        let home = self.get("/").await;
        assert_eq!(home.status, 200, "home after login: {}", home.location());
    }

    pub async fn api(
        &mut self,
        method: &str,
        path: &str,
        token: &str,
        body: Option<serde_json::Value>,
    ) -> Resp {
        self.api_with_headers(method, path, token, body, &[]).await
    }

    pub async fn api_with_headers(
        &mut self,
        method: &str,
        path: &str,
        token: &str,
        body: Option<serde_json::Value>,
        headers: &[(&str, &str)],
    ) -> Resp {
        let m = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
        let mut req = self
            .http
            .request(m, format!("{}{path}", self.base))
            .bearer_auth(token);
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        if let Some(b) = body {
            req = req.json(&b);
        }
        self.finish(req).await
    }
}

fn serde_urlencoded(fields: &[(&str, &str)]) -> String {
    fields
        .iter()
        .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

pub fn find_csrf(body: &str) -> Option<String> {
    let i = body.find("name=\"csrf\" value=\"")?;
    let rest = &body[i + 19..];
    Some(rest[..rest.find('"')?].to_string())
}
