package org.hostel.complaints.comment;

import org.hostel.complaints.testing.EmbeddedContext;

@EmbeddedContext
class SqliteCommentTests extends CommentSuite {}
