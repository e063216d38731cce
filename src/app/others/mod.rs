//! Others' view: asking for it and showing it beside one's own on the results, and the rater's side
//! (an invitation opened, the reply to send back) and the reply received.

mod give_view_screen;
mod invitations_panel;
mod link_field;
mod others_summary;
mod receive_reply;
mod reply_screen;

pub use give_view_screen::GiveViewScreen;
pub use invitations_panel::InvitationsPanel;
pub use others_summary::others_summary;
pub use receive_reply::ReceiveReply;
pub use reply_screen::ReplyScreen;
