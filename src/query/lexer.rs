//! Lexer: pattern text in, tokens with byte offsets out.

use super::QueryError;

/// A token kind.
#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    /// `?name`
    Var(String),
    /// `"text"`
    Str(String),
    /// A bare word.
    Ident(String),
    /// A number.
    Number(f64),
    /// Punctuation or operator.
    Punct(&'static str),
}

/// A token and where it starts and ends.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// The token.
    pub tok: Tok,
    /// Start byte.
    pub start: usize,
    /// End byte.
    pub end: usize,
}

const PUNCT: &[&str] = &[
    "<=", ">=", "!=", ".", ",", "{", "}", "(", ")", "|", "*", "<", ">", "=",
];

/// Splits a pattern into tokens.
pub fn lex(src: &str) -> Result<Vec<Token>, QueryError> {
    let mut out = Vec::new();
    let bytes = src.as_bytes();
    let mut i = 0;
    while i < src.len() {
        let c = src[i..].chars().next().unwrap_or(' ');
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        if c == '?' {
            let name: String = src[i + 1..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if name.is_empty() {
                return Err(QueryError::syntax(src, start, "a variable name after '?'"));
            }
            i += 1 + name.len();
            out.push(Token {
                tok: Tok::Var(name),
                start,
                end: i,
            });
        } else if c == '"' {
            let Some(len) = src[i + 1..].find('"') else {
                return Err(QueryError::syntax(src, start, "a closing '\"'"));
            };
            let text = src[i + 1..i + 1 + len].to_string();
            i += len + 2;
            out.push(Token {
                tok: Tok::Str(text),
                start,
                end: i,
            });
        } else if c.is_ascii_digit() {
            let len = src[i..]
                .char_indices()
                .find(|(_, c)| !(c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '_')))
                .map_or(src.len() - i, |(p, _)| p);
            let raw = src[i..i + len].trim_end_matches('.').replace('_', "");
            let n: f64 = raw
                .parse()
                .map_err(|_| QueryError::syntax(src, start, "a number"))?;
            i += src[i..i + len].trim_end_matches('.').len();
            out.push(Token {
                tok: Tok::Number(n),
                start,
                end: i,
            });
        } else if c.is_alphabetic() || c == '_' {
            let len = src[i..]
                .char_indices()
                .find(|(_, c)| !(c.is_alphanumeric() || *c == '_' || *c == '-'))
                .map_or(src.len() - i, |(p, _)| p);
            out.push(Token {
                tok: Tok::Ident(src[i..i + len].to_string()),
                start,
                end: i + len,
            });
            i += len;
        } else if let Some(p) = PUNCT.iter().find(|p| bytes[i..].starts_with(p.as_bytes())) {
            i += p.len();
            out.push(Token {
                tok: Tok::Punct(p),
                start,
                end: i,
            });
        } else {
            return Err(QueryError::syntax(
                src,
                start,
                "a clause, '?var', a \"name\" or a keyword",
            ));
        }
    }
    Ok(out)
}
