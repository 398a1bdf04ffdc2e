fn main() {
    tl_gen::Config::new()
        .only([
            // What the client itself sends and reads.
            "setLogVerbosityLevel",
            "close",
            "updateAuthorizationState",
            // What the example program and the load test ask.
            "getOption",
            "getAuthorizationState",
            "testSquareInt",
            "testCallString",
            "testCallVectorString",
            "testReturnError",
            // Printed as typed; every other update arrives as `Other`.
            "updateOption",
        ])
        .compile("../../tests/whole-schema/schemas/td_api.tl")
        .unwrap();
}
