//! The filters and row limit a question carries at its ends, read over its
//! words in either language: "top 5 investors", "... in 2025", "... since
//! 2024", "investments over 1 billion", "investissements de plus de 500
//! millions d'euros avant 2030". What is left is the question's form.

use super::ast::{Attr, Clause, Filter, Literal, Op, Query};
use super::QueryError;

/// What a question asks of its rows beyond its form.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Modifiers {
    /// A bound on the deal's year.
    pub year: Option<(Op, f64)>,
    /// A bound on the deal's amount (in its own currency).
    pub amount: Option<(Op, f64)>,
    /// "top N": at most N rows.
    pub top: Option<usize>,
}

/// Words before a year, and the comparison they mean.
const YEAR_WORDS: &[(&[&str], Op)] = &[
    (&["in"], Op::Eq),
    (&["en"], Op::Eq),
    (&["during"], Op::Eq),
    (&["pour"], Op::Eq),
    (&["since"], Op::Ge),
    (&["depuis"], Op::Ge),
    (&["from"], Op::Ge),
    (&["after"], Op::Gt),
    (&["après"], Op::Gt),
    (&["apres"], Op::Gt),
    (&["before"], Op::Lt),
    (&["avant"], Op::Lt),
    (&["by"], Op::Le),
    (&["d'ici"], Op::Le),
    (&["until"], Op::Le),
    (&["jusqu'en"], Op::Le),
];

/// Words before an amount, and the comparison they mean (longest first
/// where one ends another).
const AMOUNT_WORDS: &[(&[&str], Op)] = &[
    (&["more", "than"], Op::Gt),
    (&["greater", "than"], Op::Gt),
    (&["over"], Op::Gt),
    (&["above"], Op::Gt),
    (&["at", "least"], Op::Ge),
    (&["less", "than"], Op::Lt),
    (&["under"], Op::Lt),
    (&["below"], Op::Lt),
    (&["de", "plus", "de"], Op::Gt),
    (&["plus", "de"], Op::Gt),
    (&["supérieurs", "à"], Op::Gt),
    (&["supérieur", "à"], Op::Gt),
    (&["supérieures", "à"], Op::Gt),
    (&["au-dessus", "de"], Op::Gt),
    (&["d'au", "moins"], Op::Ge),
    (&["au", "moins"], Op::Ge),
    (&["de", "moins", "de"], Op::Lt),
    (&["moins", "de"], Op::Lt),
    (&["inférieurs", "à"], Op::Lt),
    (&["inférieur", "à"], Op::Lt),
];

/// Scale words after an amount's number.
fn scale(word: &str) -> Option<f64> {
    match word {
        "thousand" | "k" | "mille" => Some(1e3),
        "million" | "millions" | "m" | "mn" => Some(1e6),
        "billion" | "billions" | "bn" | "b" | "milliard" | "milliards" | "md" | "mds" => Some(1e9),
        "trillion" | "trillions" | "tn" => Some(1e12),
        _ => None,
    }
}

/// Currency words after an amount: read, not filtered on (an amount compares
/// within whatever currency its deal is in).
fn is_currency(word: &str) -> bool {
    matches!(
        word,
        "dollars" | "dollar" | "usd" | "$" | "euros" | "euro" | "eur" | "€" | "de" | "d'euros"
    )
}

fn number(word: &str) -> Option<f64> {
    let w = word.trim_start_matches('$').trim_end_matches(['$', '€']);
    w.replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|n| n.is_finite())
}

fn year(word: &str) -> Option<f64> {
    let y: u32 = word.parse().ok()?;
    (word.len() == 4 && (1990..=2100).contains(&y)).then_some(f64::from(y))
}

/// Whether `words` ends with `tail` (case already folded).
fn ends_with(words: &[String], tail: &[&str]) -> bool {
    words.len() >= tail.len()
        && words[words.len() - tail.len()..]
            .iter()
            .zip(tail)
            .all(|(w, t)| w == t)
}

impl Modifiers {
    /// Reads the modifiers off `question`'s ends; returns what is left.
    pub fn read(question: &str) -> (String, Modifiers) {
        let mut words: Vec<&str> = question.split_whitespace().collect();
        let mut m = Modifiers::default();
        // "top 5 investors": the number goes, "top" stays for the form
        if words.len() > 2 && words[0].eq_ignore_ascii_case("top") {
            if let Ok(n) = words[1].parse::<usize>() {
                m.top = Some(n);
                words.remove(1);
            }
        }
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        // the first word always stays: it starts the form
        let mut end = lower.len();
        while end > 1 {
            let cut = m
                .read_year(&lower[1..end])
                .or_else(|| m.read_amount(&lower[1..end]));
            match cut {
                Some(n) => end -= n,
                None => break,
            }
        }
        (words[..end].join(" "), m)
    }

    /// "... in 2025": sets the year bound, returns how many words it took.
    fn read_year(&mut self, words: &[String]) -> Option<usize> {
        let (last, before) = words.split_last()?;
        let y = year(last)?;
        if self.year.is_some() {
            return None;
        }
        let (tail, op) = YEAR_WORDS.iter().find(|(t, _)| ends_with(before, t))?;
        self.year = Some((*op, y));
        Some(tail.len() + 1)
    }

    /// "... over 1.5 billion dollars": sets the amount bound, returns how
    /// many words it took.
    fn read_amount(&mut self, words: &[String]) -> Option<usize> {
        if self.amount.is_some() {
            return None;
        }
        let mut i = words.len();
        while i > 0 && is_currency(&words[i - 1]) {
            i -= 1;
        }
        let mut factor = 1.0;
        if i > 0 {
            if let Some(f) = scale(&words[i - 1]) {
                factor = f;
                i -= 1;
            }
        }
        let n = number(words.get(i.checked_sub(1)?)?)?;
        let before = &words[..i - 1];
        let (tail, op) = AMOUNT_WORDS.iter().find(|(t, _)| ends_with(before, t))?;
        // "deals of over 1 bn", "investments worth at least 2 bn"
        let lead = before[..before.len() - tail.len()]
            .last()
            .is_some_and(|w| matches!(w.as_str(), "of" | "worth" | "valued"));
        self.amount = Some((*op, n * factor));
        Some(words.len() - i + 1 + tail.len() + usize::from(lead))
    }

    /// Whether the question had none.
    pub fn is_empty(&self) -> bool {
        *self == Modifiers::default()
    }

    /// The error for modifiers on a question whose rows have no year or
    /// amount to filter.
    pub fn unsupported(&self) -> QueryError {
        QueryError::UnknownQuestion {
            forms: vec![
                "investments over 1 billion in 2025".into(),
                "top 5 investors in France since 2024".into(),
                "qui a investi en Inde en 2025 ?".into(),
            ],
        }
    }

    /// Adds the filters and limit to `q`, on the variables its clauses give
    /// the deal's year and amount.
    pub fn apply(&self, q: &mut Query) -> Result<(), QueryError> {
        for (bound, attr) in [(self.year, Attr::Year), (self.amount, Attr::Amount)] {
            let Some((op, value)) = bound else { continue };
            let var = q
                .clauses
                .iter()
                .find_map(|c| match c {
                    Clause::Path { attrs, .. } => {
                        attrs.iter().find(|(a, _)| *a == attr).map(|(_, v)| v)
                    }
                    Clause::Type(..) => None,
                })
                .cloned()
                .ok_or_else(|| self.unsupported())?;
            q.filters.push(Filter {
                var,
                op,
                value: Literal::Number(value),
            });
        }
        if let Some(n) = self.top {
            q.limit = Some(n);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_come_off_the_ends_in_both_languages() {
        let table: &[(&str, &str, Modifiers)] = &[
            (
                "investments over 1 billion in 2025",
                "investments",
                Modifiers {
                    year: Some((Op::Eq, 2025.0)),
                    amount: Some((Op::Gt, 1e9)),
                    top: None,
                },
            ),
            (
                "top 5 investors in France since 2024",
                "top investors in France",
                Modifiers {
                    year: Some((Op::Ge, 2024.0)),
                    amount: None,
                    top: Some(5),
                },
            ),
            (
                "investissements de plus de 500 millions d'euros avant 2030",
                "investissements",
                Modifiers {
                    year: Some((Op::Lt, 2030.0)),
                    amount: Some((Op::Gt, 5e8)),
                    top: None,
                },
            ),
            (
                "qui a investi en Inde en 2025",
                "qui a investi en Inde",
                Modifiers {
                    year: Some((Op::Eq, 2025.0)),
                    ..Modifiers::default()
                },
            ),
            (
                "deals of at least 2,5 milliards",
                "deals",
                Modifiers {
                    amount: Some((Op::Ge, 2.5e9)),
                    ..Modifiers::default()
                },
            ),
            (
                "investments worth at least 2.5 bn",
                "investments",
                Modifiers {
                    amount: Some((Op::Ge, 2.5e9)),
                    ..Modifiers::default()
                },
            ),
        ];
        for (question, rest, want) in table {
            let (r, m) = Modifiers::read(question);
            assert_eq!(&r, rest, "{question}");
            assert_eq!(&m, want, "{question}");
        }
    }

    #[test]
    fn a_name_ending_in_a_number_is_not_a_filter() {
        // no comparison word before the number: nothing comes off
        let (rest, m) = Modifiers::read("who invested in Area 51");
        assert_eq!(rest, "who invested in Area 51");
        assert!(m.is_empty());
        // a year with no preposition before it stays too
        let (rest, m) = Modifiers::read("show Vision 2030");
        assert_eq!(rest, "show Vision 2030");
        assert!(m.is_empty());
    }
}
