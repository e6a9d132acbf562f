//! The real REPL binary driven through a pseudo-terminal, as a user types.
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::Command;

use rexpect::session::{spawn_command, PtySession};

const PROMPT: &str = "newsgraph> ";

/// The pty tests take turns: eight REPLs each reading the demo corpus at
/// once on a two-core machine once kept one from answering within its
/// 30 s timeout (seen twice in full runs, never alone).
fn one_at_a_time() -> std::sync::MutexGuard<'static, ()> {
    static TURN: std::sync::Mutex<()> = std::sync::Mutex::new(());
    TURN.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The REPL over the demo corpus, its history in `history`.
fn repl(history: &Path, color: bool) -> PtySession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_newsgraph"));
    cmd.arg("repl").env("NEWSGRAPH_HISTORY", history);
    if color {
        cmd.env_remove("NO_COLOR");
    } else {
        cmd.env("NO_COLOR", "1");
    }
    let mut p = spawn_command(cmd, Some(30_000)).unwrap();
    p.exp_string("Type .help for help.").unwrap();
    p.exp_string(PROMPT).unwrap();
    p
}

/// Ctrl-D on an empty line: the REPL ends.
fn exit_with_ctrl_d(p: &mut PtySession) {
    p.send_control('d').unwrap();
    p.exp_eof().unwrap();
}

#[test]
fn a_question_gets_its_answer_and_why_shows_the_sentence() {
    let _turn = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let mut p = repl(&dir.path().join("history.txt"), false);
    p.send_line("who invested in South Korea").unwrap();
    p.exp_string("BlackRock").unwrap();
    p.exp_string(PROMPT).unwrap();
    p.send_line(".why 3").unwrap();
    p.exp_string("en-blackrock-korea.txt").unwrap();
    p.exp_string("memorandum of understanding").unwrap();
    p.exp_string(PROMPT).unwrap();
    p.send_line(".quit").unwrap();
    p.exp_eof().unwrap();
}

#[test]
fn tab_completes_an_alias_without_its_accent() {
    let _turn = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let mut p = repl(&dir.path().join("history.txt"), false);
    // "Coree du S", unaccented and unfinished, completes to the French alias
    // of South Korea; unfinished, it would name no entity
    p.send("who supplies Coree du S").unwrap();
    p.flush().unwrap();
    p.send("\t").unwrap();
    p.flush().unwrap();
    p.send_line("").unwrap();
    p.exp_string("260000 GPU").unwrap();
    p.exp_string(PROMPT).unwrap();
    exit_with_ctrl_d(&mut p);
}

#[test]
fn ctrl_c_cancels_the_line_and_ctrl_d_exits_with_history_saved() {
    let _turn = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let history = dir.path().join("sub").join("history.txt");
    let mut p = repl(&history, false);
    p.send_line("qui a investi au Maroc ?").unwrap();
    p.exp_string("Naver").unwrap();
    p.exp_string(PROMPT).unwrap();
    p.send("who supplies Morocc").unwrap();
    p.flush().unwrap();
    p.send_control('c').unwrap();
    // the line ends (bracketed paste is switched off) before the new prompt;
    // waiting for the prompt text alone could match a redraw of the old line
    p.exp_string("\x1b[?2004l").unwrap();
    p.exp_string(PROMPT).unwrap();
    exit_with_ctrl_d(&mut p);
    let status = p.process.wait().unwrap();
    assert!(
        matches!(status, rexpect::process::wait::WaitStatus::Exited(_, 0)),
        "{status:?}"
    );
    let saved = std::fs::read_to_string(&history).unwrap();
    assert!(saved.contains("qui a investi au Maroc ?"), "{saved}");
    assert!(!saved.contains("who supplies Morocc"), "{saved}");
}

#[test]
fn colours_on_a_terminal_and_a_hint_as_you_type() {
    let _turn = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let mut p = repl(&dir.path().join("history.txt"), true);
    // typing the start of an entity shows the rest, dimmed, as a hint
    p.send("who supplies Samsung Ele").unwrap();
    p.flush().unwrap();
    p.exp_string("\x1b[2mctronics\x1b[0m").unwrap();
    p.send_control('c').unwrap();
    p.exp_string(PROMPT).unwrap();
    p.send_line("who supplies South Korea").unwrap();
    // the table header in bold
    p.exp_string("\x1b[1m#  supplier").unwrap();
    p.exp_string(PROMPT).unwrap();
    p.send_line("?x bogus").unwrap();
    p.exp_string("\x1b[31merror:\x1b[0m").unwrap();
    p.exp_string(PROMPT).unwrap();
    exit_with_ctrl_d(&mut p);
}

#[test]
fn a_pattern_can_span_lines() {
    let _turn = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let mut p = repl(&dir.path().join("history.txt"), false);
    p.send_line("?x invests_in {amount ?a} ?p . \\").unwrap();
    p.exp_string("...> ").unwrap();
    p.send_line("?p located_in* \\").unwrap();
    p.exp_string("...> ").unwrap();
    p.send_line("\"South Korea\" select ?x, ?a").unwrap();
    p.exp_string("Amazon").unwrap();
    p.exp_string("5 bn").unwrap();
    p.exp_string(PROMPT).unwrap();
    exit_with_ctrl_d(&mut p);
}

/// `.ingest` then Ctrl-D once lost the new articles without a word: the
/// REPL asks, and "y" saves them to the store.
#[test]
fn ingest_then_ctrl_d_asks_before_losing_work() {
    let _turn = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s.ng");
    let seed = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/articles");
    let ok = std::process::Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .arg("ingest")
        .arg(&seed)
        .arg("--store")
        .arg(&store)
        .status()
        .unwrap();
    assert!(ok.success());
    let article = dir.path().join("new.txt");
    std::fs::write(
        &article,
        "Le groupe Zorblax va investir 3 milliards d'euros au Portugal.",
    )
    .unwrap();
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_newsgraph"));
    cmd.arg("repl")
        .arg("--store")
        .arg(&store)
        .env("NEWSGRAPH_HISTORY", dir.path().join("h.txt"))
        .env("NO_COLOR", "1");
    let mut p = spawn_command(cmd, Some(30_000)).unwrap();
    p.exp_string("Type .help for help.").unwrap();
    p.exp_string(PROMPT).unwrap();
    p.send_line(&format!(".ingest {}", article.display()))
        .unwrap();
    p.exp_string("1 documents").unwrap();
    p.exp_string(PROMPT).unwrap();
    p.send_control('d').unwrap();
    p.exp_string("save the .ingest changes to").unwrap();
    p.send_line("y").unwrap();
    p.exp_eof().unwrap();
    let saved = newsgraph::store::load(&store).unwrap();
    assert!(saved.find("Zorblax").is_some());
}

/// Tab completes what the candidates share; a second Tab lists them all.
#[test]
fn tab_twice_lists_the_candidates() {
    let _turn = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let mut p = repl(&dir.path().join("history.txt"), false);
    p.send("who leads Amaz").unwrap();
    p.flush().unwrap();
    p.send("\t").unwrap();
    p.flush().unwrap();
    p.send("\t").unwrap();
    p.flush().unwrap();
    // the list shows every name the prefix starts, then the line again
    p.exp_string("Amazon project in South Korea").unwrap();
    p.exp_string("Amazon.com").unwrap();
    p.exp_string("who leads Amaz").unwrap();
    p.send_control('c').unwrap();
    p.exp_string(PROMPT).unwrap();
    exit_with_ctrl_d(&mut p);
}

/// `ingest` writes ./newsgraph.ng; `ask` and `repl` run in that folder with
/// no flag then answer from it, and the banner says so.
#[test]
fn ingest_then_ask_and_repl_use_the_new_store_with_no_flag() {
    let _turn = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(
        &article,
        "Le groupe Quorvane va investir 4 milliards d'euros en Finlande d'ici 2030.",
    )
    .unwrap();
    let bin = env!("CARGO_BIN_EXE_newsgraph");
    let ok = Command::new(bin)
        .current_dir(dir.path())
        .env_remove("NEWSGRAPH_STORE")
        .args(["ingest", "a.txt"])
        .status()
        .unwrap();
    assert!(ok.success());
    assert!(dir.path().join("newsgraph.ng").exists());
    let ask = Command::new(bin)
        .current_dir(dir.path())
        .env_remove("NEWSGRAPH_STORE")
        .args(["ask", "who invested in Finland"])
        .output()
        .unwrap();
    assert!(ask.status.success());
    assert!(String::from_utf8_lossy(&ask.stdout).contains("Quorvane"));
    let mut cmd = Command::new(bin);
    cmd.current_dir(dir.path())
        .env_remove("NEWSGRAPH_STORE")
        .env("NEWSGRAPH_HISTORY", dir.path().join("h.txt"))
        .env("NO_COLOR", "1")
        .arg("repl");
    let mut p = spawn_command(cmd, Some(30_000)).unwrap();
    p.exp_string("newsgraph.ng").unwrap();
    p.exp_string(PROMPT).unwrap();
    p.send_line("qui a investi en Finlande ?").unwrap();
    p.exp_string("Quorvane").unwrap();
    p.exp_string("4 bn").unwrap();
    p.exp_string(PROMPT).unwrap();
    exit_with_ctrl_d(&mut p);
}
