//! A leak found as a picture: a page of a readout copy, rendered as the recipient would print or
//! photograph it, traced by the command line and by the trace page through tesseract. These
//! tests need Debian's tesseract-ocr (installed by scripts/test) and fail without it.

use std::path::Path;
use std::process::Command;

use crate::browser::start_demo;
use crate::cli::{DemoStore, fails_with, ok, stderr, stdout};
use crate::http::{hidden_csrf, request, sign_in};

/// Renders the first page of `pdf` to `out_prefix-1.EXT` (Poppler), as a scanner or a
/// screenshot would, and returns the image's path.
fn render_first_page(pdf: &Path, format: &str, out_prefix: &Path) -> std::path::PathBuf {
    let status = Command::new("pdftoppm")
        .args([&format!("-{format}"), "-r", "200", "-f", "1", "-l", "1"])
        .arg(pdf)
        .arg(out_prefix)
        .status()
        .expect("pdftoppm (poppler-utils) is installed by scripts/test");
    assert!(status.success(), "pdftoppm could not render {}", pdf.display());
    let extension = if format == "jpeg" { "jpg" } else { format };
    let dir = out_prefix.parent().unwrap();
    let stem = out_prefix.file_name().unwrap().to_str().unwrap();
    std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .find(|path| {
            let name = path.file_name().unwrap().to_str().unwrap();
            name.starts_with(&format!("{stem}-")) && name.ends_with(extension)
        })
        .unwrap_or_else(|| panic!("pdftoppm wrote no page for {}", out_prefix.display()))
}

/// A white 4 × 4 greyscale PNG.
const BLANK_PNG: &[u8] = b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x00\x04\x00\x00\x00\x04\x08\x00\x00\x00\x00\x8c\x9a\xc1\xa2\x00\x00\x00\x0eIDAT\x78\x9c\x63\xf8\x0f\x04\x0c\xa8\x04\x00\x9f\x74\x0f\xf1\x5b\x61\x83\xbf\x00\x00\x00\x00IEND\xae\x42\x60\x82";

fn tesseract_is_installed() {
    let found = Command::new("tesseract").arg("--version").output();
    assert!(
        found.is_ok_and(|output| output.status.success()),
        "tesseract is not installed: scripts/test installs Debian's tesseract-ocr"
    );
}

#[test]
fn a_photographed_page_is_traced_to_its_copy_from_the_command_line() {
    tesseract_is_installed();
    let demo = DemoStore::new();
    let (env, serin) = (&demo.env, demo.serin());
    let (readout, copies) = demo.released_readout(&serin);
    let second_copy = copies.get(1).expect("the demo's readout has two copies").clone();
    let pdf = env.path("copy2.pdf");
    ok(demo.tt(&["readout", "copy", &serin, &second_copy, "--out", pdf.to_str().unwrap()]));

    // A JPEG under a name that says nothing: the file is recognised by its content.
    let photo = render_first_page(&pdf, "jpeg", &env.path("photo"));
    let unnamed = env.path("leak-from-the-newspaper");
    std::fs::rename(&photo, &unnamed).unwrap();
    // The PDF itself, as a scan would arrive.
    for page in [&unnamed, &pdf] {
        let traced = demo.tt(&["trace", &serin, &readout, page.to_str().unwrap()]);
        assert!(
            stdout(&traced).starts_with("copy 2, issued to Director of International Affairs"),
            "{}\n{}",
            stdout(&traced),
            stderr(&traced)
        );
        assert!(stderr(&traced).contains("read the page by OCR (tesseract)"), "{}", stderr(&traced));
    }

    // Bytes that are neither text nor a page are refused with a clear message.
    std::fs::write(env.path("noise.bin"), [0xFFu8, 0x00, 0xFE, 0x81, 0x00]).unwrap();
    fails_with(
        &demo.tt(&["trace", &serin, &readout, env.path("noise.bin").to_str().unwrap()]),
        "is neither text (UTF-8) nor a page image",
    );
}

#[test]
fn without_tesseract_the_command_says_what_to_install() {
    let demo = DemoStore::new();
    let serin = demo.serin();
    let (readout, _) = demo.released_readout(&serin);
    // A blank 4 × 4 PNG: the picture is fine, the program to read it is missing.
    let png = demo.env.path("page.png");
    std::fs::write(&png, BLANK_PNG).unwrap();
    let nothing_installed = demo.env.path("empty-bin");
    std::fs::create_dir(&nothing_installed).unwrap();
    let mut args = vec!["--data-dir", demo.data.to_str().unwrap(), "--key-file", demo.key.to_str().unwrap()];
    args.extend(["trace", &serin, &readout, png.to_str().unwrap()]);
    let refused = demo.env.run(&args, &[("PATH", nothing_installed.to_str().unwrap())]);
    fails_with(&refused, "tesseract is not installed: install Debian's tesseract-ocr, or type the passage");
}

/// The addresses of the links whose address holds `within`, in the page's order.
fn links(html: &str, within: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|href| href.contains(within))
        .map(|href| href.replace("&amp;", "&"))
        .collect()
}

/// A `multipart/form-data` body as a browser sends the trace form: the token, an empty passage
/// and the page as a file.
fn trace_form(csrf: &str, file_name: &str, page: &[u8]) -> (String, Vec<u8>) {
    let boundary = "----tracktwo-test-boundary-7d1b";
    let mut body = Vec::new();
    for (name, value) in [("csrf", csrf), ("passage", "")] {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").as_bytes(),
        );
    }
    body.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"page\"; filename=\"{file_name}\"\r\n\
             Content-Type: application/octet-stream\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(page);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_photographed_page_uploaded_to_the_trace_page_is_traced_to_its_copy() {
    tesseract_is_installed();
    let demo = start_demo();
    let base = &demo.base;
    // The convener signs in.
    let session = sign_in(base, "amara", &demo.passwords["amara"]).await;
    let get = |path: String| {
        let session = session.clone();
        async move {
            let answer = request("GET", &format!("{base}{path}"), &[("cookie", &session)], Vec::new()).await;
            assert_eq!(answer.status, 200, "{path}");
            answer.text()
        }
    };

    // The released readout's page, with its ledger and the trace form.
    let dashboard = get("/".to_owned()).await;
    let initiative = links(&dashboard, "/initiatives/").into_iter().next().expect("an initiative");
    let readouts = get(format!("{initiative}/readouts")).await;
    let readout =
        links(&readouts, "/readouts/").into_iter().find(|href| href.matches('/').count() == 4).expect("a readout");
    let mut page = get(readout.clone()).await;
    if !page.contains("Distribution ledger") {
        // The first readout listed is not the released one: take the next.
        let other = links(&readouts, "/readouts/")
            .into_iter()
            .filter(|href| *href != readout)
            .find(|href| href.matches('/').count() == 4);
        page = get(other.expect("a released readout")).await;
    }
    assert!(page.contains("enctype=\"multipart/form-data\""), "the trace form takes a file");
    let trace_action = page
        .split("action=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .find(|action| action.ends_with("/trace"))
        .expect("a trace form")
        .to_owned();

    // The second copy's PDF, as its recipient received it, photographed as a PNG.
    let pdf_link = links(&page, "?format=pdf").into_iter().nth(1).expect("two copies in the ledger");
    let copy = request("GET", &format!("{base}{pdf_link}"), &[("cookie", &session)], Vec::new()).await;
    assert_eq!(copy.status, 200);
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("copy2.pdf");
    std::fs::write(&pdf, copy.bytes).unwrap();
    let png = std::fs::read(render_first_page(&pdf, "png", &dir.path().join("photo"))).unwrap();

    let csrf = hidden_csrf(&page);
    let (content_type, body) = trace_form(&csrf, "IMG_2041.png", &png);
    let headers = [("cookie", session.as_str()), ("content-type", content_type.as_str())];
    let traced = request("POST", &format!("{base}{trace_action}"), &headers, body).await;
    let answer = traced.text();
    assert_eq!(traced.status, 200, "{answer}");
    assert!(answer.contains("The page was read by OCR (tesseract)"), "{answer}");
    // The recipient is an argument of the verdict, set apart by Unicode isolates.
    let verdict = answer.replace(['\u{2068}', '\u{2069}'], "");
    assert!(verdict.contains("copy 2, issued to Director of International Affairs"), "{answer}");

    // A file that is no page is refused with the reason, not traced.
    let (content_type, body) = trace_form(&csrf, "notes.txt", b"just some words, not a picture");
    let headers = [("cookie", session.as_str()), ("content-type", content_type.as_str())];
    let refused = request("POST", &format!("{base}{trace_action}"), &headers, body).await;
    let answer = refused.text();
    assert_eq!(refused.status, 415, "{answer}");
    // The reason is said in the reader's language, as every refusal is.
    assert!(answer.contains("The page could not be read: the file is not a page image"), "{answer}");

    // Without the session's token, nothing is read.
    let (content_type, body) = trace_form("forged", "IMG_2041.png", &png);
    let headers = [("cookie", session.as_str()), ("content-type", content_type.as_str())];
    let forged = request("POST", &format!("{base}{trace_action}"), &headers, body).await;
    assert_eq!(forged.status, 403);
}
