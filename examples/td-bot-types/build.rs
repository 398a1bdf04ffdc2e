fn main() {
    tl_gen::Config::new()
        .only([
            // What the bot uses.
            "setTdlibParameters",
            "checkAuthenticationBotToken",
            "getMe",
            "sendMessage",
            "getChat",
            "getChatHistory",
            "updateNewMessage",
            "updateAuthorizationState",
            // What tests/tdlib.rs asks a real TDLib without logging in.
            "setLogVerbosityLevel",
            "getTextEntities",
            "getOption",
            "testSquareInt",
            "testCallString",
            "close",
        ])
        .compile("../../tests/whole-schema/schemas/td_api.tl")
        .unwrap();
}
