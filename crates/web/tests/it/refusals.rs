//! A refusal of the application in the reader's language: a form the core refuses and a map
//! import with a bad line, asked for in Arabic, French and the pseudo-locales, say why in that
//! language (the file's problem included), with the reader's digits, while what the reader typed
//! is shown as typed, set apart.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use tracktwo_test_support::{outside_pseudo_brackets, own_words};

use super::{body_text, get, hidden_csrf, send, sign_in, world};

fn post_in(uri: &str, cookie: &str, language: &str, form: &str) -> Request<Body> {
    Request::post(uri)
        .header(header::COOKIE, cookie)
        .header(header::ACCEPT_LANGUAGE, language)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(form.to_owned()))
        .unwrap()
}

/// The inside of the first element with `id`.
fn element<'a>(page: &'a str, id: &str) -> &'a str {
    let marker = format!("id=\"{id}\"");
    let start = page.find(&marker).unwrap_or_else(|| panic!("no #{id} in {page}"));
    let after = &page[start..];
    let inside = &after[after.find('>').unwrap() + 1..];
    &inside[..inside.find("</p>").unwrap()]
}

#[tokio::test]
async fn a_refused_form_says_why_in_the_readers_language() {
    let w = world().await;
    let cookie = sign_in(&w, "convener").await;
    let actors = format!("/initiatives/{}/actors", w.initiative);
    let csrf = hidden_csrf(&body_text(send(&w.router, get(&actors, &cookie)).await).await);
    let form = format!("csrf={csrf}&code_name=UV-9&kind=robot&primary_track=5&tracks=2&level=top&side=");
    let refusal = |language: &'static str| {
        let (router, cookie, actors, form) = (w.router.clone(), cookie.clone(), actors.clone(), form.clone());
        async move {
            let response = send(&router, post_in(&actors, &cookie, language, &form)).await;
            assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{language}");
            let page = body_text(response).await;
            element(&page, "refusal").to_owned()
        }
    };

    let english = refusal("en").await;
    assert_eq!(english, "invalid input: `<bdi>robot</bdi>` is not a known actor kind");

    let arabic = refusal("ar").await;
    assert!(arabic.contains("نوع الفاعل") && arabic.contains("<bdi>robot</bdi>"), "{arabic}");
    assert!(!own_words(&arabic).chars().any(|c| c.is_ascii_alphabetic()), "English left: {arabic}");

    for pseudo in ["en-XA", "ar-XB"] {
        let said = refusal(pseudo).await;
        assert!(said.contains("<bdi>robot</bdi>"), "{pseudo}: {said}");
        let words = own_words(&said);
        assert!(words.starts_with('[') && words.ends_with(']'), "{pseudo}: {said}");
        for english in ["invalid input", "is not a known", "actor kind"] {
            assert!(!words.contains(english), "{pseudo}: `{english}` in {said}");
        }
    }
}

#[tokio::test]
async fn a_refused_import_names_its_line_in_the_readers_digits() {
    let w = world().await;
    let cookie = sign_in(&w, "convener").await;
    let transfer = format!("/initiatives/{}/map/transfer", w.initiative);
    let csrf = hidden_csrf(&body_text(send(&w.router, get(&transfer, &cookie)).await).await);
    let actors = "code,name,kind,primary_track,tracks,level,side,role,decision_maker,notes\n\
                  UV-1,,person,5,,middle,,,no,\n\
                  UV-2,,person,5,,middle,,,no,\n\
                  UV-3,,person,5,,middle,,,no,\n\
                  UV-4,,person,10,,middle,,,no,\n";
    let form = format!("csrf={csrf}&format=csv&ties=&file={}", actors.replace(',', "%2C").replace('\n', "%0A"));
    let import = format!("/initiatives/{}/map/import", w.initiative);
    let mut said = Vec::new();
    for language in ["en", "ar", "fr", "en-XA"] {
        let response = send(&w.router, post_in(&import, &cookie, language, &form)).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{language}");
        said.push(element(&body_text(response).await, "import-error").to_owned());
    }
    assert!(said[0].starts_with("<bdi>actors.csv</bdi>, line 5: "), "{}", said[0]);
    assert!(said[1].starts_with("<bdi>actors.csv</bdi>، السطر ٥: "), "{}", said[1]);
    assert!(said[2].starts_with("<bdi>actors.csv</bdi>, ligne 5 : "), "{}", said[2]);
    // The problem itself is in the reader's language too; only the file's words are set apart.
    assert!(
        said[0].ends_with("<bdi>primary_track</bdi>: `<bdi>10</bdi>` is not a track of the scheme <bdi>imtd9</bdi>"),
        "{}",
        said[0]
    );
    assert!(
        said[1].ends_with("<bdi>primary_track</bdi>: «<bdi>10</bdi>» ليس مسارًا في المخطط <bdi>imtd9</bdi>"),
        "{}",
        said[1]
    );
    assert!(
        said[2].ends_with("<bdi>primary_track</bdi> : « <bdi>10</bdi> » n’est pas une voie du schéma <bdi>imtd9</bdi>"),
        "{}",
        said[2]
    );
    assert!(said[3].contains("<bdi>10</bdi>") && !said[3].contains("is not a track"), "{}", said[3]);
    for (language, said) in ["en", "ar", "fr", "en-XA"].iter().zip(&said) {
        assert!(!said.contains("lang=\"en\""), "{language}: {said}");
    }
}

/// Each refusal of the policy has its words in every language (the web crate's own code says
/// them by their kind's name, without taking the policy's types in hand).
#[test]
fn every_refusal_of_the_policy_is_a_message_of_every_language() {
    use tracktwo_app::AppError;
    use tracktwo_domain::{Denied, MemberRole};
    use tracktwo_i18n::{Locale, has_message};
    use tracktwo_web::refusals::Refusal;

    let every =
        [Denied::KeyHolderOnly, Denied::AdministratorOnly, Denied::NotAMember, Denied::Hidden, Denied::OtherSide]
            .into_iter()
            .chain(MemberRole::ALL.into_iter().map(Denied::RoleNotAllowed));
    for denied in every {
        let refusal = Refusal::of(&AppError::Forbidden(denied));
        for id in refusal.message_ids() {
            assert!(has_message(id), "{denied:?}: no message {id}");
        }
        for locale in Locale::ALL {
            let said = refusal.text(locale);
            assert!(!said.contains("refusal-") && !said.contains("role-"), "{locale:?}: {said}");
        }
        let english = refusal.text(Locale::English);
        match denied {
            Denied::RoleNotAllowed(_) => assert!(english.starts_with("not allowed: the role "), "{english}"),
            _ => assert_eq!(english, AppError::Forbidden(denied).to_string()),
        }
    }
}

/// A form value, percent-encoded.
fn encoded(value: &str) -> String {
    value
        .bytes()
        .map(|byte| if byte.is_ascii_alphanumeric() { (byte as char).to_string() } else { format!("%{byte:02X}") })
        .collect()
}

/// Arabic-Indic digits, as the Arabic pages write numbers.
fn arabic_digits(n: usize) -> String {
    n.to_string().chars().map(|c| char::from_u32(0x0660 + c.to_digit(10).unwrap()).unwrap()).collect()
}

/// Broken GEXF, GraphML and Kumu files, each with the line its problem is on and a piece of the
/// English that says it (so each case is known to reach the problem it is meant to).
const BROKEN: &[(&str, &str, usize, &str)] = &[
    (
        "gexf",
        "<?xml version=\"1.0\"?>\n<graphml/>\n",
        2,
        "file: the root element is &lt;<bdi>graphml</bdi>&gt;, not &lt;<bdi>gexf</bdi>&gt;",
    ),
    ("gexf", "<gexf>\n<meta/>\n</gexf>\n", 1, "&gt; holds no &lt;<bdi>graph</bdi>&gt;"),
    ("gexf", "<gexf>\n<graph>\n<nodes>\n<node id=\"A\">\n</gexf>\n", 5, "an end tag does not match"),
    (
        "gexf",
        "<gexf>\n<graph>\n<nodes>\n<node id=\"A\">\n<attvalues>\n<attvalue for=\"primary_track\" value=\"5\"/>\n\
         <attvalue for=\"kind\" value=\"person\"/>\n<attvalue for=\"kind\" value=\"person\"/>\n</attvalues>\n</node>\n\
         </nodes>\n</graph>\n</gexf>\n",
        8,
        "has two values for `",
    ),
    (
        "gexf",
        "<gexf>\n<graph>\n<nodes>\n<node id=\"A\">\n<attvalues>\n<attvalue for=\"primary_track\" value=\"5\"/>\n\
         <attvalue for=\"kind\" value=\"person\"/>\n</attvalues>\n</node>\n</nodes>\n</graph>\n</gexf>\n",
        4,
        "has no value for `<bdi>level</bdi>`",
    ),
    (
        "gexf",
        "<gexf>\n<graph>\n<nodes>\n<node label=\"A\">\n<attvalues>\n<attvalue for=\"primary_track\" value=\"5\"/>\n\
         </attvalues>\n</node>\n</nodes>\n</graph>\n</gexf>\n",
        4,
        "&gt; has no <bdi>id</bdi>",
    ),
    ("graphml", "<gexf/>\n", 1, "not a <bdi>GraphML</bdi> file"),
    ("graphml", "<graphml>\n<key id=\"d0\"/>\n<key id=\"d0\"/>\n<graph/>\n</graphml>\n", 3, "is declared twice"),
    (
        "graphml",
        "<graphml>\n<graph edgedefault=\"both\">\n</graph>\n</graphml>\n",
        2,
        "is neither <bdi>directed</bdi> nor <bdi>undirected</bdi>",
    ),
    ("graphml", "<graphml>\n<graph>\n<node id=\"A\" kind='x/>\n</graph>\n</graphml>\n", 3, "malformed XML: "),
    (
        "graphml",
        "<graphml>\n<graph>\n<node id=\"A\">\n<data key=\"primary_track\">5</data>\n<data>person</data>\n</node>\n\
         </graph>\n</graphml>\n",
        5,
        "names no key",
    ),
    (
        "graphml",
        "<graphml>\n<graph>\n<node id=\"A\">\n<data key=\"primary_track\">5</data>\n</node>\n</graph>\n</graphml>\n",
        3,
        "has no value for `<bdi>kind</bdi>`",
    ),
    ("kumu", "{\n\"elements\": [\n{\"label\": \"A\"}\n", 4, "malformed JSON: EOF while parsing a list"),
    ("kumu", "{\n\"elements\": []\n\"connections\": []\n}\n", 3, "malformed JSON: expected `,` or `}`"),
    ("kumu", "[1, 2]\n", 1, "must be a JSON object"),
    ("kumu", "{\n\"elements\": \"A\"\n}\n", 2, "must be a list"),
    ("kumu", "{\n\"elements\": [\n{\"type\": \"person\"}\n]\n}\n", 3, "an element has no `"),
    ("kumu", "{\n\"elements\": [\n{\"label\": \"A\"}\n]\n}\n", 3, "element `<bdi>A</bdi>` has no `"),
    ("kumu", "{\n\"elements\": [\n{\"label\": \"A\", \"type\": [1]}\n]\n}\n", 3, "must be text"),
    ("kumu", "{}\n", 1, "this file has neither"),
    ("kumu", "{\n\"elements\": [],\n\"elements\": []\n}\n", 1, "a Kumu blueprint has the key `"),
];

/// `html`'s text with its escapes undone.
fn unescaped(html: &str) -> String {
    html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

/// The names of formats and the words of their syntax, which are no language's and stay as
/// they are in every language.
const FORMAT_WORDS: [&str; 6] = ["XML", "JSON", "GEXF", "GraphML", "Kumu", "CSV"];

#[tokio::test]
async fn a_broken_file_is_said_in_the_readers_language_to_the_last_word() {
    let w = world().await;
    let cookie = sign_in(&w, "convener").await;
    let transfer = format!("/initiatives/{}/map/transfer", w.initiative);
    let csrf = hidden_csrf(&body_text(send(&w.router, get(&transfer, &cookie)).await).await);
    let import = format!("/initiatives/{}/map/import", w.initiative);
    let mut kinds = std::collections::BTreeSet::new();
    for (format, file, line, english) in BROKEN {
        let form = format!("csrf={csrf}&format={format}&ties=&file={}", encoded(file));
        let mut said = Vec::new();
        for language in ["en", "ar", "en-XA", "ar-XB"] {
            let response = send(&w.router, post_in(&import, &cookie, language, &form)).await;
            assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{language}: {file}");
            said.push(element(&body_text(response).await, "import-error").to_owned());
        }
        let [en, ar, accented, flipped] = &said[..] else { unreachable!() };
        assert!(en.contains(&format!(", line {line}: ")) && en.contains(english), "{file}\n{en}");
        assert!(!en.contains("lang=\"en\""), "{en}");
        kinds.insert(en.split_once(&format!("line {line}: ")).map(|(_, problem)| problem.to_owned()));

        // Arabic: the line in Arabic digits, and no Latin letter outside the file's own words
        // but the names of formats.
        assert!(ar.contains(&format!("السطر {}", arabic_digits(*line))), "{ar}");
        let mut words = unescaped(&own_words(ar));
        for name in FORMAT_WORDS {
            words = words.replace(name, "");
        }
        assert!(!words.chars().any(|c| c.is_ascii_alphabetic()), "English left in Arabic: {ar}");
        assert!(!ar.contains("lang=\"en\""), "{ar}");

        // The pseudo-locales: every word of the sentence is the pseudo-locale's (within its
        // markers), none of the English sentence is left, and the line is there.
        let english_words: Vec<String> = unescaped(&own_words(en))
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|word| word.len() > 2 && !FORMAT_WORDS.contains(word))
            .map(str::to_owned)
            .collect();
        assert!(!english_words.is_empty(), "{en}");
        for (pseudo, html) in [("en-XA", accented), ("ar-XB", flipped)] {
            let words = unescaped(&own_words(html));
            assert!(words.contains(&line.to_string()), "{pseudo}: {html}");
            let outside = outside_pseudo_brackets(&words);
            assert!(
                !outside.chars().any(char::is_alphabetic),
                "{pseudo}: words outside the markers: {outside:?} in {html}"
            );
            for word in &english_words {
                assert!(!words.contains(word.as_str()), "{pseudo}: `{word}` left in {html}");
            }
        }
    }
    // Each case is a problem of its own.
    assert_eq!(kinds.len(), BROKEN.len(), "{kinds:#?}");
}
