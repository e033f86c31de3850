package org.hostel.complaints.portal;

import org.hostel.complaints.testing.EmbeddedContext;

/** The portal suite on the embedded SQLite database. */
@EmbeddedContext
class PortalTests extends PortalSuite {}
