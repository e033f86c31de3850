package org.hostel.complaints.comment;

import org.hostel.complaints.testing.PostgresContext;

@PostgresContext
class PostgresCommentTests extends CommentSuite {}
