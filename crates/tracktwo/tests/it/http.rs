//! Plain HTTP against a running server, as a client without a browser meets it: one request and
//! its answer, the sign-in form's token, and signing in.

use http_body_util::BodyExt;

/// One answer over HTTP: status, the cookies it sets (name=value), and its body.
pub(crate) struct Answer {
    pub(crate) status: u16,
    pub(crate) cookies: Vec<String>,
    pub(crate) bytes: Vec<u8>,
}

impl Answer {
    /// The body as text (pages and JSON are UTF-8).
    pub(crate) fn text(&self) -> String {
        String::from_utf8_lossy(&self.bytes).into_owned()
    }

    /// The cookie `name` the answer sets, as `name=value`.
    pub(crate) fn cookie(&self, name: &str) -> String {
        let prefix = format!("{name}=");
        self.cookies.iter().find(|c| c.starts_with(&prefix)).unwrap_or_else(|| panic!("no {name} cookie")).clone()
    }
}

pub(crate) async fn request(method: &str, url: &str, headers: &[(&str, &str)], body: impl Into<Vec<u8>>) -> Answer {
    type Body = http_body_util::Full<std::io::Cursor<Vec<u8>>>;
    let client = hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new()).build_http::<Body>();
    let mut builder = http::Request::builder().method(method).uri(url);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    let response = client.request(builder.body(Body::new(std::io::Cursor::new(body.into()))).unwrap()).await.unwrap();
    let status = response.status().as_u16();
    let cookies = response
        .headers()
        .get_all(http::header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .map(|v| v.split(';').next().unwrap_or_default().to_owned())
        .collect();
    let bytes = response.into_body().collect().await.unwrap().to_bytes().to_vec();
    Answer { status, cookies, bytes }
}

/// The anti-CSRF token of the first form in `html`.
pub(crate) fn hidden_csrf(html: &str) -> String {
    let start = html.find("name=\"csrf\" value=\"").expect("a csrf field") + "name=\"csrf\" value=\"".len();
    html[start..].split('"').next().unwrap().to_owned()
}

/// Signs in through the server's sign-in form and returns the session cookie.
pub(crate) async fn sign_in(base: &str, user: &str, password: &str) -> String {
    let form = request("GET", &format!("{base}/sign-in"), &[], Vec::new()).await;
    let presession = form.cookie("tracktwo_presession");
    let body = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("csrf", &hidden_csrf(&form.text()))
        .append_pair("username", user)
        .append_pair("password", password)
        .finish();
    let headers = [("cookie", presession.as_str()), ("content-type", "application/x-www-form-urlencoded")];
    let signed_in = request("POST", &format!("{base}/sign-in"), &headers, body).await;
    assert_eq!(signed_in.status, 303, "{user} could not sign in");
    signed_in.cookie("tracktwo_session")
}
