//! Renders a sample wheel of 60 actors and 150 ties, to look at:
//!
//! ```text
//! cargo run -p tracktwo-map-draw --example wheel [OUTPUT]   # default /tmp/wheel.svg
//! rsvg-convert -o /tmp/wheel.png /tmp/wheel.svg
//! ```
//!
//! The sample is made by a small fixed-seed generator, so it is the same every run.

use tracktwo_domain::map::{Level, TieKind, Track};
use tracktwo_map_draw::{Wheel, WheelActor, WheelSide, WheelTie, wheel_svg};

/// A fixed-seed xorshift: the sample must not change between runs.
struct Sample(u64);

impl Sample {
    fn next(&mut self, below: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        usize::try_from(self.0 % below as u64).unwrap_or(0)
    }
}

fn main() {
    let output = std::env::args().nth(1).unwrap_or_else(|| "/tmp/wheel.svg".to_owned());
    let sides = [WheelSide { name: "Upper Vale".to_owned() }, WheelSide { name: "Lower Vale".to_owned() }];
    let mut sample = Sample(0x5eed_1234_abcd_0042);
    let actors: Vec<WheelActor> = (0..60)
        .map(|index| {
            let side = match index % 5 {
                0 | 2 => Some(0),
                1 | 3 => Some(1),
                _ => None,
            };
            // Top leaders are few and mostly governmental; the grassroots are the many.
            let level = match sample.next(10) {
                0 | 1 => Level::Top,
                2..=5 => Level::MiddleRange,
                _ => Level::Grassroots,
            };
            let primary_track = if level == Level::Top && sample.next(2) == 0 {
                Track::Government
            } else {
                Track::ALL[sample.next(Track::ALL.len())]
            };
            let prefix = match side {
                Some(0) => "UV",
                Some(_) => "LV",
                None => "TP",
            };
            WheelActor {
                label: format!("{prefix}-{index:02}"),
                primary_track,
                level,
                side,
                decision_maker: level == Level::Top && primary_track == Track::Government,
                href: Some(format!("/initiatives/sample/actors/{index}")),
            }
        })
        .collect();
    let ties: Vec<WheelTie> = (0..150)
        .map(|_| {
            let from = sample.next(actors.len());
            // Most ties stay within a side, as they do on real maps; a fifth cross the line.
            let same_side = sample.next(5) != 0;
            let mut to = (from + 1 + sample.next(actors.len() - 1)) % actors.len();
            while same_side && to != from && actors[to].side != actors[from].side {
                to = (to + 1) % actors.len();
            }
            if to == from {
                to = (from + 1) % actors.len();
            }
            let kind = TieKind::ALL[sample.next(TieKind::ALL.len())];
            let cross_line = matches!((actors[from].side, actors[to].side), (Some(a), Some(b)) if a != b);
            let strength = u8::try_from(1 + sample.next(5)).unwrap_or(1);
            WheelTie { from, to, kind, directed: kind.directed_by_default(), strength, cross_line }
        })
        .collect();
    let svg = wheel_svg(&Wheel {
        title: "The Vale initiative's system map, 1 March 2025",
        sides: &sides,
        actors: &actors,
        ties: &ties,
    });
    if let Err(error) = std::fs::write(&output, &svg) {
        eprintln!("cannot write {output}: {error}");
        std::process::exit(1);
    }
    println!("wrote {output}: {} bytes", svg.len());
}
