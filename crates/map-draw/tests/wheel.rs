//! The wheel's SVG, parsed back as XML and checked the way a browser, a screen reader and the
//! Content-Security-Policy would see it.

use std::collections::{BTreeMap, BTreeSet};
use std::f64::consts::{PI, TAU};

use quick_xml::XmlVersion;
use quick_xml::events::Event;
use quick_xml::reader::Reader;
use tracktwo_domain::map::{Level, TieKind, Track};
use tracktwo_map_draw::{
    Wheel, WheelActor, WheelSide, WheelTie, marker_radius, ring_bounds, sector_bounds, sector_centre, to_polar,
    wheel_svg,
};

/// An element of the parsed drawing.
#[derive(Debug, Default)]
struct Node {
    name: String,
    attributes: BTreeMap<String, String>,
    children: Vec<Node>,
    text: String,
}

impl Node {
    fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes.get(name).map(String::as_str)
    }

    fn child(&self, name: &str) -> Option<&Node> {
        self.children.iter().find(|child| child.name == name)
    }

    /// This node and every node below it, depth first, each with its parent.
    fn walk<'a>(&'a self, parent: Option<&'a Node>, visit: &mut impl FnMut(&'a Node, Option<&'a Node>)) {
        visit(self, parent);
        for child in &self.children {
            child.walk(Some(self), visit);
        }
    }

    fn all(&self) -> Vec<(&Node, Option<&Node>)> {
        let mut nodes = Vec::new();
        self.walk(None, &mut |node, parent| nodes.push((node, parent)));
        nodes
    }
}

/// Parses the whole document, failing on anything that is not well-formed XML.
fn parse(svg: &str) -> Node {
    let mut reader = Reader::from_str(svg);
    reader.config_mut().check_end_names = true;
    let mut stack: Vec<Node> = vec![Node::default()];
    let open = |event: &quick_xml::events::BytesStart<'_>| {
        let mut node = Node { name: event.name().as_ref().to_owned(), ..Node::default() };
        for attribute in event.attributes() {
            let attribute = attribute.expect("a well-formed attribute");
            let key = attribute.key.as_ref().to_owned();
            let value = attribute.normalized_value(XmlVersion::Implicit1_0).expect("a well-escaped value").into_owned();
            assert!(node.attributes.insert(key.clone(), value).is_none(), "attribute {key} repeated");
        }
        node
    };
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(event) => stack.push(open(&event)),
            Event::Empty(event) => {
                let node = open(&event);
                stack.last_mut().unwrap().children.push(node);
            }
            Event::End(_) => {
                let node = stack.pop().unwrap();
                stack.last_mut().expect("balanced elements").children.push(node);
            }
            Event::Text(text) => stack.last_mut().unwrap().text.push_str(&text.xml_content(XmlVersion::Implicit1_0)),
            Event::GeneralRef(reference) => {
                let resolved = match reference.resolve_char_ref().expect("a valid character reference") {
                    Some(c) => c.to_string(),
                    None => match &*reference.xml_content(XmlVersion::Implicit1_0) {
                        "lt" => "<".to_owned(),
                        "gt" => ">".to_owned(),
                        "amp" => "&".to_owned(),
                        "quot" => "\"".to_owned(),
                        "apos" => "'".to_owned(),
                        other => panic!("undeclared entity &{other};"),
                    },
                };
                stack.last_mut().unwrap().text.push_str(&resolved);
            }
            Event::Eof => break,
            Event::Decl(_) | Event::DocType(_) | Event::PI(_) | Event::CData(_) => panic!("unexpected markup"),
            Event::Comment(_) => {}
        }
    }
    assert_eq!(stack.len(), 1, "every element is closed");
    let mut document = stack.pop().unwrap();
    assert_eq!(document.children.len(), 1, "one root element");
    document.children.pop().unwrap()
}

fn actor(label: &str, track: Track, level: Level, side: Option<usize>) -> WheelActor {
    WheelActor { label: label.to_owned(), primary_track: track, level, side, decision_maker: false, href: None }
}

fn tie(from: usize, to: usize, cross_line: bool, directed: bool, strength: u8) -> WheelTie {
    WheelTie { from, to, kind: TieKind::TrustedContact, directed, strength, cross_line }
}

fn two_sides() -> Vec<WheelSide> {
    vec![WheelSide { name: "Upper Vale".to_owned() }, WheelSide { name: "Lower Vale".to_owned() }]
}

/// A fixed 60-actor, 150-tie map with labels as long as "Name (CODE)" makes them, spread over
/// every track and level.
fn sample() -> (Vec<WheelSide>, Vec<WheelActor>, Vec<WheelTie>) {
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = |below: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        usize::try_from(state % below as u64).unwrap()
    };
    let sides = two_sides();
    let actors: Vec<WheelActor> = (0..60)
        .map(|index| {
            let side = [Some(0), Some(1), None][index % 3];
            let level = Level::ALL[next(3)];
            let track = Track::ALL[next(9)];
            WheelActor {
                label: format!("Firstname Lastname-{index:02} (UV-{index:02})"),
                primary_track: track,
                level,
                side,
                decision_maker: index % 7 == 0,
                href: Some(format!("/initiatives/0191f1c2-7d3e-7a4b-9c5d-1e2f3a4b5c6d/actors/{index}")),
            }
        })
        .collect();
    let ties = (0..150)
        .map(|_| {
            let from = next(60);
            let to = (from + 1 + next(59)) % 60;
            let cross_line = matches!((actors[from].side, actors[to].side), (Some(a), Some(b)) if a != b);
            let kind = TieKind::ALL[next(TieKind::ALL.len())];
            WheelTie {
                from,
                to,
                kind,
                directed: kind.directed_by_default(),
                strength: 1 + u8::try_from(next(5)).unwrap(),
                cross_line,
            }
        })
        .collect();
    (sides, actors, ties)
}

fn draw(sides: &[WheelSide], actors: &[WheelActor], ties: &[WheelTie]) -> String {
    wheel_svg(&Wheel { title: "The Vale map", sides, actors, ties })
}

/// Actor markers: the `<g>`s placed by a translate, each titled.
fn markers(root: &Node) -> Vec<(&Node, (f64, f64))> {
    root.all()
        .into_iter()
        .filter_map(|(node, _)| {
            let transform = node.attribute("transform")?;
            let inner = transform.strip_prefix("translate(")?.strip_suffix(')')?;
            let (x, y) = inner.split_once(' ')?;
            (node.name == "g" && node.children.first()?.name == "title")
                .then(|| (node, (x.parse().unwrap(), y.parse().unwrap())))
        })
        .filter(|(_, at)| at.1 < 800.0) // the key's sample markers stand below the wheel
        .collect()
}

/// Tie curves: titled paths, with the group that gives them their colour.
fn tie_paths(root: &Node) -> Vec<(&Node, &Node)> {
    root.all()
        .into_iter()
        .filter(|(node, _)| node.name == "path" && node.child("title").is_some())
        .map(|(node, parent)| (node, parent.expect("a tie sits in its style's group")))
        .collect()
}

fn in_sector(track: Track, angle: f64) -> bool {
    let (start, end) = sector_bounds(track);
    let from_centre = (angle - sector_centre(track) + PI).rem_euclid(TAU) - PI;
    from_centre.abs() < (end - start) / 2.0
}

#[test]
fn the_drawing_is_well_formed_accessible_and_safe_under_the_content_security_policy() {
    let (sides, actors, ties) = sample();
    let svg = draw(&sides, &actors, &ties);
    let root = parse(&svg);
    assert_eq!(root.name, "svg");
    assert_eq!(root.attribute("xmlns"), Some("http://www.w3.org/2000/svg"));
    assert!(root.attribute("viewBox").unwrap().starts_with("0 0 800 "));

    // Named by its title and described by its desc, both referenced by id.
    let title = root.child("title").expect("a <title>");
    let desc = root.child("desc").expect("a <desc>");
    assert_eq!(title.text, "The Vale map");
    let labelled_by: Vec<&str> = root.attribute("aria-labelledby").unwrap().split(' ').collect();
    assert_eq!(labelled_by, [title.attribute("id").unwrap(), desc.attribute("id").unwrap()]);
    assert!(desc.text.contains("60 actors (20 Upper Vale, 20 Lower Vale, 20 third parties)"), "{}", desc.text);
    let cross = ties.iter().filter(|t| t.cross_line).count();
    assert!(desc.text.contains(&format!("150 ties, of which {cross} cross the line")), "{}", desc.text);

    // Nothing the policy would block or that could run.
    assert!(!svg.contains("<script") && !svg.contains("<style") && !svg.contains("style="));
    let mut ids = BTreeSet::new();
    for (node, _) in root.all() {
        assert!(
            !["script", "style", "foreignObject", "image", "use", "iframe"].contains(&node.name.as_str()),
            "<{}>",
            node.name
        );
        assert!(!node.attributes.contains_key("style"), "a style attribute on <{}>", node.name);
        assert!(node.attributes.keys().all(|key| !key.starts_with("on")), "an event handler on <{}>", node.name);
        if let Some(id) = node.attribute("id") {
            assert!(ids.insert(id.to_owned()), "id {id} used twice");
        }
    }
    for (node, _) in root.all() {
        for (key, value) in &node.attributes {
            if key == "href" || key == "xlink:href" {
                assert_eq!(node.name, "a", "only links carry an href");
                assert!(value.starts_with('/'), "an internal link: {value}");
            }
            // Every url() points into this drawing.
            if let Some(reference) = value.strip_prefix("url(#").and_then(|rest| rest.strip_suffix(')')) {
                assert!(ids.contains(reference), "url(#{reference}) names no element");
            } else {
                assert!(!value.contains("url("), "an external reference: {value}");
            }
        }
        // Legible in print: no text under 10 user units at the 800-wide view box.
        if let Some(size) = node.attribute("font-size") {
            assert!(size.parse::<f64>().unwrap() >= 10.0, "font-size {size}");
        }
    }

    // One titled group per actor, each naming the actor, its track, level and side.
    let markers = markers(&root);
    assert_eq!(markers.len(), actors.len());
    let titles: BTreeSet<&str> = markers.iter().map(|(node, _)| node.child("title").unwrap().text.as_str()).collect();
    assert_eq!(titles.len(), actors.len(), "every title is distinct");
    let first = &actors[0];
    let expected = format!(
        "Firstname Lastname-00 (UV-00) — Track {} {}, {}, Upper Vale, decision-maker",
        first.primary_track.number(),
        first.primary_track.label(),
        first.level.label().to_lowercase()
    );
    assert!(titles.contains(expected.as_str()), "{expected}");
    // Linked markers: so the drawing is a named group, not an image hiding its links.
    assert_eq!(root.attribute("role"), Some("group"));
    assert_eq!(root.all().iter().filter(|(node, _)| node.name == "a").count(), actors.len());
}

#[test]
fn a_drawing_without_links_is_one_image() {
    let actors = [actor("UV-01", Track::Business, Level::Grassroots, Some(0))];
    let root = parse(&draw(&two_sides(), &actors, &[]));
    assert_eq!(root.attribute("role"), Some("img"));
    assert!(root.all().iter().all(|(node, _)| node.name != "a"));
}

#[test]
fn each_marker_stands_in_its_tracks_sector_and_its_levels_ring() {
    let (sides, actors, ties) = sample();
    let root = parse(&draw(&sides, &actors, &ties));
    for (node, at) in markers(&root) {
        let title = &node.child("title").unwrap().text;
        let actor = actors.iter().find(|a| title.starts_with(&format!("{} — ", a.label))).expect("a known actor");
        let (angle, radius) = to_polar(at);
        let (inner, outer) = ring_bounds(actor.level);
        assert!(in_sector(actor.primary_track, angle), "{title} at angle {angle}");
        assert!(inner < radius && radius < outer, "{title} at radius {radius}");
    }
}

#[test]
fn forty_actors_in_one_cell_all_fit_inside_it_without_overlapping() {
    let actors: Vec<WheelActor> =
        (0..40).map(|i| actor(&format!("GV-{i:02}"), Track::Government, Level::Top, Some(i % 2))).collect();
    let root = parse(&draw(&two_sides(), &actors, &[]));
    let markers = markers(&root);
    assert_eq!(markers.len(), 40);
    let size = marker_radius(Level::Top, 40);
    let (inner, outer) = ring_bounds(Level::Top);
    for (i, &(_, at)) in markers.iter().enumerate() {
        let (angle, radius) = to_polar(at);
        assert!(in_sector(Track::Government, angle), "angle {angle}");
        assert!(radius - size > inner && radius + size < outer, "radius {radius}");
        for &(_, other) in &markers[i + 1..] {
            // Coordinates are written to a tenth of a unit; allow for the rounding.
            assert!((at.0 - other.0).hypot(at.1 - other.1) >= 2.0 * size - 0.2, "{at:?} and {other:?} overlap");
        }
    }
}

#[test]
fn labels_are_escaped() {
    let nasty = r#"<script>&"'"#;
    let sides = [WheelSide { name: "A & B <side>".to_owned() }];
    let actors = [
        WheelActor { href: Some(r#"/a?x=1&y="2""#.to_owned()), ..actor(nasty, Track::Media, Level::Top, Some(0)) },
        actor("LV-01", Track::Media, Level::Top, None),
    ];
    let ties = [tie(0, 1, false, true, 3)];
    let svg = wheel_svg(&Wheel { title: "Map </title><script>", sides: &sides, actors: &actors, ties: &ties });
    assert!(!svg.contains("<script"));
    assert!(svg.contains("&lt;script&gt;&amp;&quot;&#39;"));
    let root = parse(&svg);
    assert_eq!(root.child("title").unwrap().text, "Map </title><script>");
    let markers = markers(&root);
    assert!(markers[0].0.child("title").unwrap().text.starts_with(nasty), "the label survives the round trip intact");
    let link = root.all().into_iter().find(|(node, _)| node.name == "a").unwrap().0;
    assert_eq!(link.attribute("href"), Some(r#"/a?x=1&y="2""#));
    assert!(root.child("desc").unwrap().text.contains("1 A & B <side>"));
}

#[test]
fn links_with_other_schemes_are_dropped() {
    let actors = [
        WheelActor {
            href: Some("javascript:alert(1)".to_owned()),
            ..actor("UV-01", Track::Media, Level::Top, Some(0))
        },
        WheelActor { href: Some("data:text/html,<b>".to_owned()), ..actor("UV-02", Track::Media, Level::Top, Some(0)) },
    ];
    let svg = draw(&two_sides(), &actors, &[]);
    assert!(!svg.contains("javascript") && !svg.contains("data:"));
    assert_eq!(markers(&parse(&svg)).len(), 2, "the actors are still drawn, unlinked");
}

#[test]
fn cross_line_ties_stand_out_and_directed_ties_have_arrowheads() {
    let actors = [
        actor("UV-01", Track::Government, Level::Top, Some(0)),
        actor("LV-01", Track::Government, Level::Top, Some(1)),
        actor("UV-02", Track::Religion, Level::Grassroots, Some(0)),
    ];
    let ties =
        [tie(0, 1, true, false, 3), tie(0, 2, false, false, 3), tie(2, 0, false, true, 3), tie(1, 0, true, true, 3)];
    let root = parse(&draw(&two_sides(), &actors, &ties));
    let paths = tie_paths(&root);
    assert_eq!(paths.len(), 4);
    let by_title =
        |text: &str| paths.iter().find(|(path, _)| path.child("title").unwrap().text == text).copied().unwrap();
    let across = by_title("UV-01 and LV-01: trusted contact, strength 3, across the line");
    let within = by_title("UV-01 and UV-02: trusted contact, strength 3");
    let colour = |(_, group): (&Node, &Node)| group.attribute("stroke").unwrap().to_owned();
    let width = |(path, _): (&Node, &Node)| path.attribute("stroke-width").unwrap().parse::<f64>().unwrap();
    assert_ne!(colour(across), colour(within), "a different colour");
    assert!(width(across) > width(within), "and heavier at the same strength");
    // The arrowhead may be set on the path or inherited from its group.
    fn arrowhead<'a>((path, group): (&'a Node, &'a Node)) -> Option<&'a str> {
        path.attribute("marker-end").or(group.attribute("marker-end"))
    }
    for (path, group) in [across, within] {
        assert!(path.attribute("stroke-dasharray").is_none() && group.attribute("stroke-dasharray").is_none());
        assert!(arrowhead((path, group)).is_none(), "an undirected tie has no arrowhead");
    }
    let markers_defined: BTreeSet<&str> = root
        .all()
        .iter()
        .filter(|(node, _)| node.name == "marker")
        .map(|(node, _)| node.attribute("id").unwrap())
        .collect();
    for text in ["UV-02 trusted contact UV-01, strength 3", "LV-01 trusted contact UV-01, strength 3, across the line"]
    {
        let arrow = arrowhead(by_title(text)).expect("a directed tie has an arrowhead");
        let id = arrow.strip_prefix("url(#").unwrap().strip_suffix(')').unwrap();
        assert!(markers_defined.contains(id));
    }
    // The legend explains both.
    let texts: Vec<&str> =
        root.all().iter().filter(|(node, _)| node.name == "text").map(|(node, _)| node.text.as_str()).collect();
    assert!(texts.iter().any(|t| t.contains("across the conflict line")));
    assert!(texts.iter().any(|t| t.contains("Directed tie")));
    assert!(texts.iter().any(|t| t.contains("decision-maker")));
}

#[test]
fn stronger_ties_are_wider() {
    let actors =
        [actor("UV-01", Track::Business, Level::Top, Some(0)), actor("UV-02", Track::Funding, Level::Top, Some(0))];
    let widths: Vec<f64> = (1..=5)
        .map(|strength| {
            let root = parse(&draw(&two_sides(), &actors, &[tie(0, 1, false, false, strength)]));
            tie_paths(&root)[0].0.attribute("stroke-width").unwrap().parse().unwrap()
        })
        .collect();
    assert!(widths.windows(2).all(|pair| pair[0] < pair[1]), "{widths:?}");
}

#[test]
fn ties_and_sides_out_of_range_are_skipped_without_panicking() {
    let actors = [
        actor("UV-01", Track::Business, Level::Top, Some(0)),
        actor("UV-02", Track::Funding, Level::Top, Some(0)),
        actor("XX-09", Track::Funding, Level::Top, Some(9)),
    ];
    let ties = [
        tie(0, 1, false, false, 3),
        tie(0, 99, false, true, 3),
        tie(usize::MAX, 1, true, false, 3),
        tie(1, 1, false, false, 3),
        tie(0, 2, false, false, 3),
        tie(0, 1, true, true, 0),
        tie(1, 0, true, true, 200),
    ];
    let root = parse(&draw(&two_sides(), &actors, &ties));
    assert_eq!(tie_paths(&root).len(), 3, "only the ties between two drawn actors");
    assert_eq!(markers(&root).len(), 2, "an actor on an unknown side is left off");
    assert!(root.child("desc").unwrap().text.contains("2 actors"));
    let _ = draw(&[], &[], &[]);
    let _ = draw(&[], &actors, &ties);
}

#[test]
fn the_same_map_draws_to_the_same_bytes() {
    let (sides, actors, ties) = sample();
    assert_eq!(draw(&sides, &actors, &ties), draw(&sides, &actors, &ties));
    // The layout within a cell does not depend on the order the actors arrive in.
    let at = |actors: &[WheelActor]| {
        let root = parse(&draw(&sides, actors, &[]));
        markers(&root)
            .into_iter()
            .map(|(node, at)| (node.child("title").unwrap().text.clone(), format!("{at:?}")))
            .collect::<BTreeMap<_, _>>()
    };
    let mut reversed = actors.clone();
    reversed.reverse();
    assert_eq!(at(&actors), at(&reversed));
}

#[test]
fn sixty_actors_and_a_hundred_and_fifty_ties_stay_light() {
    let (sides, actors, ties) = sample();
    let svg = draw(&sides, &actors, &ties);
    println!("60 actors, 150 ties: {} bytes", svg.len());
    assert!(svg.len() < 60 * 1024, "{} bytes", svg.len());
}
