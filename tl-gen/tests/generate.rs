//! The library: snapshots of small schemas, `only` on td_api.tl, output
//! that rustfmt leaves as it is, and determinism.
//!
//! `TL_GEN_BLESS=1 cargo test -p tl-gen --test generate` rewrites the
//! snapshots under `tests/snapshots` from what the generator gives now;
//! review the change before committing it.

mod support;

use std::fs;
use std::path::{Path, PathBuf};

use support::{
    Scratch, TD_ONLY, first_difference, fixture, paths, read_tree, rustfmt_changes, vendored,
};
use tl_gen::{Config, Generated};

fn generate(config: &Config, schema: &Path) -> Generated {
    config
        .generate_file(schema)
        .unwrap_or_else(|e| panic!("{}: {e}", schema.display()))
}

// Snapshots

fn blessing() -> bool {
    std::env::var_os("TL_GEN_BLESS").is_some_and(|v| v == "1")
}

fn snapshot_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(name)
}

/// Compares `files` (paths relative to the snapshot) with the checked-in
/// snapshot `name`, a file or a directory, or with `TL_GEN_BLESS=1`
/// replaces the snapshot by them.
fn assert_snapshot(name: &str, files: &[(PathBuf, String)]) {
    let root = snapshot_path(name);
    let single = files.len() == 1 && files[0].0 == Path::new(name);
    if blessing() {
        if single {
            fs::write(&root, &files[0].1).unwrap();
        } else {
            let _ = fs::remove_dir_all(&root);
            for (path, text) in files {
                let path = root.join(path);
                fs::create_dir_all(path.parent().unwrap()).unwrap();
                fs::write(path, text).unwrap();
            }
        }
        return;
    }
    let bless = "run with TL_GEN_BLESS=1 to accept the new output after reviewing it";
    assert!(root.exists(), "no snapshot {}: {bless}", root.display());
    let on_disk = read_tree(&root);
    let expected: Vec<String> = paths(&on_disk);
    let mut actual: Vec<String> = files.iter().map(|(p, _)| p.display().to_string()).collect();
    actual.sort();
    assert_eq!(actual, expected, "snapshot {name}: other files; {bless}");
    for (path, text) in files {
        let old = String::from_utf8_lossy(&on_disk[path]);
        assert!(
            old == *text,
            "snapshot {name}/{} differs at {}\n{bless}",
            path.display(),
            first_difference(&old, text)
        );
    }
}

fn assert_snapshots(fixture_name: &str, stem: &str) {
    let generated = generate(&Config::new(), &fixture(fixture_name));
    let file = format!("{stem}.rs");
    assert_snapshot(&file, &[(PathBuf::from(&file), generated.file())]);
    assert_snapshot(stem, &generated.directory());
}

#[test]
fn the_td_fixture_matches_its_snapshots() {
    assert_snapshots("small_td.tl", "small_td");
}

#[test]
fn the_mtproto_fixture_matches_its_snapshots() {
    assert_snapshots("small_mtproto.tl", "small_mtproto");
}

/// What the snapshots show, said as assertions, so that blessing a
/// regression in the model does not go unnoticed.
#[test]
fn the_td_fixture_becomes_what_td_users_expect() {
    let generated = generate(&Config::new(), &fixture("small_td.tl"));
    let api = generated.api();
    let field = |s: &str, f: &str, function: bool| {
        let s = api.find_struct(s, function).unwrap();
        let f = s.fields.iter().find(|x| x.name == f).unwrap();
        (
            f.ty.render("crate::"),
            f.attrs.join(", "),
            f.description.clone(),
        )
    };
    assert_eq!(
        field("user", "profile_photo", false),
        (
            "Option<crate::types::ProfilePhoto>".into(),
            // The text lets the derive write the line itself.
            "ty = \"profilePhoto\"".into(),
            "Profile photo of the user; may be null".into()
        )
    );
    assert_eq!(
        field("user", "id", false),
        (
            "i64".into(),
            "ty = \"int53\"".into(),
            "User identifier".into()
        )
    );
    // A `//-` line continues the doc comment.
    assert_eq!(
        field("user", "is_contact", false).2,
        "True, if the user is a contact of the current user"
    );
    assert_eq!(
        field("messages", "messages", false).0,
        "Vec<Option<crate::types::Message>>"
    );
    // message -> MessageContent -> messageReply -> message: a cycle.
    assert_eq!(
        field("messageReply", "reply_to", false).0,
        "Box<crate::types::Message>"
    );
    assert_eq!(
        field("getMessages", "message_ids", true),
        (
            "Vec<i64>".into(),
            "ty = \"vector<int53>\"".into(),
            "Identifiers of the messages to get".into()
        )
    );
    let content = api.enums.iter().find(|e| e.ty == "MessageContent").unwrap();
    assert_eq!(content.description, "Contains the content of a message");
    assert_eq!(content.catch_all.as_deref(), Some("Other"));
    let get_me = api.find_struct("getMe", true).unwrap();
    assert_eq!(
        get_me.returns.as_ref().unwrap().render("crate::"),
        "crate::enums::User"
    );
    assert_eq!(get_me.declaration.description, "Returns the current user");
    // The builtin lines (`double ? = Double`, `vector {t:Type} ...`) are
    // tl-core's, not generated.
    assert_eq!(generated.schema().builtins.len(), 3);
    assert!(!generated.file().contains("Vector"));
}

#[test]
fn the_mtproto_fixture_becomes_what_mtproto_users_expect() {
    let generated = generate(&Config::new(), &fixture("small_mtproto.tl"));
    let api = generated.api();
    let auth = api.find_struct("auth.authorization", false).unwrap();
    assert_eq!(auth.path.from_root(), "types::auth::Authorization");
    assert_eq!(
        auth.attrs,
        [
            "dialect = \"mtproto\"",
            "name = \"auth.authorization\"",
            "ty = \"auth.Authorization\"",
            "id = 0x2ea2c0d4"
        ]
    );
    let fields: Vec<(String, String, String)> = auth
        .fields
        .iter()
        .map(|f| (f.ident.clone(), f.ty.render(""), f.attrs.join(", ")))
        .collect();
    let expected = [
        ("flags", "::tl_core::Flags", "flags"),
        // A `true` flag is a bool, and shares its bit with a value.
        ("setup_password_required", "bool", "flag = \"flags.1\""),
        (
            "otherwise_relogin_days",
            "Option<i32>",
            "flag = \"flags.1\"",
        ),
        ("tmp_sessions", "Option<i32>", "flag = \"flags.0\""),
        ("future_auth_token", "Option<Vec<u8>>", "flag = \"flags.2\""),
        // The text of a generated type, so that the derive needs no
        // `const` rendering of the line.
        ("user", "enums::User", "ty = \"User\""),
    ];
    let expected: Vec<(String, String, String)> = expected
        .iter()
        .map(|(a, b, c)| ((*a).into(), (*b).into(), (*c).into()))
        .collect();
    assert_eq!(fields, expected);

    let secret = api.find_struct("ipPortSecret", false).unwrap();
    assert!(secret.forced_id);
    assert!(secret.attrs.contains(&"force".to_owned()));
    let plain = api.find_struct("ipPort", false).unwrap();
    assert!(!plain.forced_id, "ipPort's id is the CRC of its line");

    let invoke = api.find_struct("invokeWithLayer", true).unwrap();
    assert_eq!(invoke.declaration.param.as_deref(), Some("X"));
    assert_eq!(invoke.returns, None, "the derive takes the query's result");
    assert_eq!(invoke.fields[1].ty.render(""), "X");
    let text = generated.file();
    assert!(text.contains("pub struct InvokeWithLayer<X> {\n"), "{text}");

    let users = api.find_struct("users.getUsers", true).unwrap();
    assert_eq!(
        users.returns.as_ref().unwrap().render(""),
        "Vec<enums::User>"
    );
    let ip_port = api.enums.iter().find(|e| e.ty == "IpPort").unwrap();
    let variants: Vec<&str> = ip_port.variants.iter().map(|v| v.ident.as_str()).collect();
    assert_eq!(variants, ["IpPort", "Secret"]);
    assert_eq!(
        ip_port.catch_all, None,
        "mtproto has no catch-all by default"
    );
}

// only

fn td_only(extra: &[&str]) -> Generated {
    let names = TD_ONLY.iter().chain(extra);
    generate(Config::new().only(names.copied()), &vendored("td_api.tl"))
}

#[test]
fn only_on_td_api_keeps_the_closure_and_cuts_update_down() {
    let generated = td_only(&[]);
    let api = generated.api();
    assert_eq!(api.structs.len(), 625);
    for (name, function) in [
        ("setTdlibParameters", true),
        ("checkAuthenticationBotToken", true),
        ("getMe", true),
        ("sendMessage", true),
        ("getChat", true),
        ("getChatHistory", true),
        ("updateNewMessage", false),
        ("updateAuthorizationState", false),
        // Reached: getChat's result, and a field of message.
        ("chat", false),
        ("messageText", false),
    ] {
        assert!(api.find_struct(name, function).is_some(), "{name}");
    }
    assert!(api.find_struct("updateUser", false).is_none());
    let update = api.enums.iter().find(|e| e.ty == "Update").unwrap();
    let variants: Vec<&str> = update.variants.iter().map(|v| v.ident.as_str()).collect();
    assert_eq!(variants, ["AuthorizationState", "NewMessage"]);
    assert_eq!(update.catch_all.as_deref(), Some("Other"));
    let text = generated.file();
    assert!(
        text.contains(
            "    pub enum Update {\n\
             \x20       AuthorizationState(super::types::UpdateAuthorizationState),\n\
             \x20       NewMessage(super::types::UpdateNewMessage),\n\
             \x20       /// Any other constructor, kept as read, re-encoded unchanged.\n\
             \x20       #[tl(other)]\n\
             \x20       Other(::tl_core::Unknown),\n\
             \x20   }\n"
        ),
        "the Update enum is not as expected"
    );
}

#[test]
fn only_with_the_type_named_gives_the_whole_enum() {
    let generated = td_only(&["Update"]);
    let api = generated.api();
    let constructors: Vec<&str> = generated
        .schema()
        .declarations
        .iter()
        .filter(|d| !d.is_function() && d.result.to_string() == "Update")
        .map(|d| d.name.as_str())
        .collect();
    assert!(constructors.len() > 100, "{}", constructors.len());
    let update = api.enums.iter().find(|e| e.ty == "Update").unwrap();
    let listed: Vec<&str> = update
        .variants
        .iter()
        .map(|v| v.constructor.as_str())
        .collect();
    assert_eq!(listed, constructors);
    assert!(api.structs.len() > 625);
    // A whole enum keeps td's catch-all: TDLib adds updates in every release.
    assert_eq!(update.catch_all.as_deref(), Some("Other"));
    let without = generate(
        Config::new()
            .only(TD_ONLY.iter().chain(&["Update"]).copied())
            .catch_all(false),
        &vendored("td_api.tl"),
    );
    let update = without
        .api()
        .enums
        .iter()
        .find(|e| e.ty == "Update")
        .unwrap();
    assert_eq!(update.catch_all, None);
}

#[test]
fn an_unknown_only_name_is_an_error_naming_it() {
    let error = Config::new()
        .only(["getMe", "getUpdate", "updatenewmessage"])
        .generate_file(vendored("td_api.tl"))
        .unwrap_err();
    let tl_gen::Error::Schema { file, diagnostics } = &error else {
        panic!("not a schema error: {error}");
    };
    assert_eq!(file.as_deref(), Some(vendored("td_api.tl").as_path()));
    assert_eq!(diagnostics.len(), 2, "{error}");
    assert!(diagnostics[0].message.contains("`getUpdate`"), "{error}");
    assert!(
        diagnostics[1]
            .message
            .contains("did you mean `updateNewMessage`?"),
        "{error}"
    );
}

// Errors through the library: every mistake, each at its place.

#[test]
fn schema_errors_are_all_reported_with_their_positions() {
    let text = "ok = Ok;\nbad x:int32\nuser photo:Photo = User;\nfoo_bar = X;\nfooBar = X;\n";
    let error = Config::new().generate("t.tl", text).unwrap_err();
    let tl_gen::Error::Schema { diagnostics, .. } = &error else {
        panic!("{error}");
    };
    // Parsing stops the rest: the model is built from a whole file only.
    assert_eq!(diagnostics.len(), 1, "{error}");
    assert_eq!(diagnostics[0].position.line, 2);
    assert_eq!(diagnostics[0].line, "bad x:int32");

    let text = "ok = Ok;\nuser photo:Photo = User;\nfoo_bar = X;\nfooBar = X;\n";
    let error = Config::new().generate("t.tl", text).unwrap_err();
    let tl_gen::Error::Schema { diagnostics, .. } = &error else {
        panic!("{error}");
    };
    let at: Vec<(usize, usize)> = diagnostics
        .iter()
        .map(|d| (d.position.line, d.position.column))
        .collect();
    assert!(at.contains(&(4, 1)), "the clash: {error}");
    let message = error.to_string();
    assert!(message.contains("t.tl:4:1: "), "{message}");
}

// rustfmt: the generated text is what rustfmt would make of it, so that
// checked-in output passes `cargo fmt --check` and diffs stay small.

fn assert_rustfmt_identity(name: &str, generated: &Generated) {
    let scratch = Scratch::new(&format!("rustfmt-{name}"));
    let file = scratch.write(&format!("{name}.rs"), &generated.file());
    let changed = rustfmt_changes(scratch.path(), &file);
    assert!(
        changed.is_empty(),
        "rustfmt changed {name}.rs: {changed:#?}"
    );

    let dir = scratch.join(name);
    for (path, text) in generated.directory() {
        let path = dir.join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    let changed = rustfmt_changes(&dir, &dir.join("mod.rs"));
    assert!(changed.is_empty(), "rustfmt changed {name}/: {changed:#?}");
}

#[test]
fn rustfmt_leaves_td_api_unchanged() {
    assert_rustfmt_identity("td_api", &generate(&Config::new(), &vendored("td_api.tl")));
}

#[test]
fn rustfmt_leaves_telegram_api_unchanged() {
    let generated = generate(&Config::new(), &vendored("telegram_api.tl"));
    assert_rustfmt_identity("telegram_api", &generated);
}

#[test]
fn rustfmt_leaves_mtproto_api_unchanged() {
    let generated = generate(&Config::new(), &vendored("mtproto_api.tl"));
    assert_rustfmt_identity("mtproto_api", &generated);
}

#[test]
fn rustfmt_leaves_a_td_only_subset_unchanged() {
    assert_rustfmt_identity("td_only", &td_only(&[]));
}

#[test]
fn rustfmt_leaves_the_fixtures_unchanged() {
    for name in ["small_td", "small_mtproto"] {
        let generated = generate(&Config::new(), &fixture(&format!("{name}.tl")));
        assert_rustfmt_identity(name, &generated);
    }
}

/// A schema, or an `only`, without functions still gets a `functions`
/// module, empty: rustfmt writes an empty inline module `{}` on one line.
#[test]
fn rustfmt_leaves_output_without_functions_unchanged() {
    let generated = generate(
        Config::new().only(["updateNewMessage"]),
        &vendored("td_api.tl"),
    );
    assert!(
        generated
            .api()
            .structs
            .iter()
            .all(|s| !s.declaration.is_function())
    );
    assert_rustfmt_identity("td_types_only", &generated);
}

// Determinism

#[test]
fn generating_twice_gives_identical_output() {
    let schema = vendored("telegram_api.tl");
    let a = generate(&Config::new(), &schema);
    let b = generate(&Config::new(), &schema);
    assert!(a.file() == b.file(), "two single files differ");
    assert!(a.directory() == b.directory(), "two trees differ");
    let a = td_only(&[]);
    let b = td_only(&[]);
    assert!(a.file() == b.file(), "two td --only files differ");
    assert!(a.directory() == b.directory(), "two td --only trees differ");
    // The order of `only` names changes nothing but the header.
    let mut reversed = TD_ONLY.to_vec();
    reversed.reverse();
    let c = generate(Config::new().only(reversed), &vendored("td_api.tl"));
    let body = |g: &Generated| g.file().split_once('\n').unwrap().1.to_owned();
    assert!(body(&a) == body(&c), "the order of `only` names matters");
}

// Writing through the library: what `Written` reports.

#[test]
fn write_reports_changed_unchanged_and_removed_files() {
    let scratch = Scratch::new("written");
    let out = scratch.join("tl");
    let generated = generate(&Config::new(), &fixture("small_mtproto.tl"));
    let first = generated.write(&out).unwrap();
    let count = generated.directory().len();
    assert_eq!(first.changed.len(), count);
    assert!(first.unchanged.is_empty() && first.removed.is_empty());
    generated.check(&out).unwrap();

    let stale = scratch.write(
        "tl/functions/photos.rs",
        "// Generated by tl-gen 0.0.0 from old.tl; do not edit.\n",
    );
    let error = generated.check(&out).unwrap_err().to_string();
    assert!(error.contains(&stale.display().to_string()), "{error}");
    let second = generated.write(&out).unwrap();
    assert!(second.changed.is_empty(), "{second:?}");
    assert_eq!(second.unchanged.len(), count);
    assert_eq!(second.removed, [stale]);
    let mut expected: Vec<String> = generated
        .directory()
        .iter()
        .map(|(p, _)| p.display().to_string())
        .collect();
    expected.sort();
    assert_eq!(paths(&read_tree(&out)), expected);
}
