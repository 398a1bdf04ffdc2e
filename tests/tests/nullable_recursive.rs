//! A nullable field whose type contains the constructor holding it: the
//! type's ids depend on the field's description, which must not depend on
//! the ids (td_api's `messagePoll media:MessageContent`, "may be null").

use tl_core::{TlConstructor, TlType};

#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
enum MessageContent {
    #[tl(name = "messageText")]
    Text {
        text: String,
    },
    Poll(MessagePoll),
}

/// `messagePoll media:MessageContent = MessageContent`, `media` nullable.
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
#[tl(ty = "MessageContent")]
struct MessagePoll {
    question: String,
    media: Option<Box<MessageContent>>,
}

#[test]
fn a_nullable_field_of_its_own_type_compiles_and_round_trips() -> Result<(), tl_core::Error> {
    assert_eq!(
        MessagePoll::SCHEMA,
        "messagePoll question:string media:MessageContent = MessageContent"
    );
    assert_eq!(
        <MessageContent as TlType>::CONSTRUCTORS[1].id,
        crc32fast::hash(MessagePoll::SCHEMA.as_bytes())
    );
    let value = MessageContent::Poll(MessagePoll {
        question: "?".into(),
        media: Some(Box::new(MessageContent::Poll(MessagePoll {
            question: "inner".into(),
            media: None,
        }))),
    });
    let bytes = tl_core::to_bytes(&value)?;
    assert_eq!(tl_core::from_bytes::<MessageContent>(&bytes)?, value);
    Ok(())
}
