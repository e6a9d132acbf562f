//! Exports: the store or answer rows in, text out (DOT, table, JSON, CSV).
//! Nothing here prints; callers write the strings where they belong.

pub mod dot;
pub mod graph;

use crate::query::Rows;

/// Output format of answer rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Aligned columns, a sources count, for people.
    Table,
    /// `{"columns": [...], "rows": [{..., "evidence": [...]}]}`.
    Json,
    /// Comma-separated values with a header.
    Csv,
}

impl std::str::FromStr for Format {
    type Err = String;

    /// `table`, `json` or `csv`.
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "table" => Ok(Format::Table),
            "json" => Ok(Format::Json),
            "csv" => Ok(Format::Csv),
            _ => Err(format!("unknown format {s:?}: expected table, json or csv")),
        }
    }
}

/// Renders rows in `format`.
pub fn render(rows: &Rows, format: Format) -> String {
    match format {
        Format::Table => table(rows),
        Format::Json => json(rows),
        Format::Csv => csv(rows),
    }
}

fn table(rows: &Rows) -> String {
    if rows.rows.is_empty() {
        return "(no answer)\n".to_string();
    }
    // rows that rest on no sentence (a plan, a list of entities) get no sources column
    let sourced = rows.rows.iter().any(|r| !r.evidence.is_empty());
    let mut header: Vec<String> = vec!["#".into()];
    header.extend(rows.columns.iter().cloned());
    if sourced {
        header.push("sources".into());
    }
    let body: Vec<Vec<String>> = rows
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut line = vec![(i + 1).to_string()];
            line.extend(r.cells.iter().cloned());
            if sourced {
                line.push(r.sources().to_string());
            }
            line
        })
        .collect();
    let widths: Vec<usize> = (0..header.len())
        .map(|c| {
            std::iter::once(&header)
                .chain(&body)
                .map(|l| l.get(c).map_or(0, |s| s.chars().count()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: &[String]| {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect();
        format!("{}\n", padded.join("  ").trim_end())
    };
    let mut out = line(&header);
    out.push_str(&line(
        &widths.iter().map(|w| "-".repeat(*w)).collect::<Vec<_>>(),
    ));
    for l in &body {
        out.push_str(&line(l));
    }
    out
}

/// A cell for machine formats: its number when it holds one, else its text
/// (an empty cell is null in JSON, empty in CSV).
fn machine_cell(r: &crate::query::Row, k: usize) -> serde_json::Value {
    match r.numbers.get(k).copied().flatten() {
        Some(n) if n.fract() == 0.0 && n.abs() < 9e15 => serde_json::Value::from(n as i64),
        Some(n) => serde_json::Value::from(n),
        None if r.cells[k].is_empty() => serde_json::Value::Null,
        None => serde_json::Value::String(r.cells[k].clone()),
    }
}

fn json(rows: &Rows) -> String {
    let list: Vec<serde_json::Value> = rows
        .rows
        .iter()
        .map(|r| {
            let mut obj = serde_json::Map::new();
            for (k, c) in rows.columns.iter().enumerate() {
                obj.insert(c.clone(), machine_cell(r, k));
            }
            obj.insert("sources".into(), r.sources().into());
            obj.insert(
                "evidence".into(),
                serde_json::to_value(&r.evidence).unwrap_or_default(),
            );
            serde_json::Value::Object(obj)
        })
        .collect();
    let doc = serde_json::json!({ "columns": rows.columns, "rows": list });
    format!(
        "{}\n",
        serde_json::to_string_pretty(&doc).unwrap_or_default()
    )
}

fn csv(rows: &Rows) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header = rows.columns.clone();
    header.push("sources".into());
    let _ = w.write_record(&header);
    for r in &rows.rows {
        let mut rec: Vec<String> = (0..rows.columns.len())
            .map(|k| match machine_cell(r, k) {
                serde_json::Value::String(s) => s,
                serde_json::Value::Null => String::new(),
                other => other.to_string(),
            })
            .collect();
        rec.push(r.sources().to_string());
        let _ = w.write_record(&rec);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}
