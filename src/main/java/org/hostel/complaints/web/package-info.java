/** How requests are received and failures answered: problem documents, body limits, request ids. */
@NullMarked
package org.hostel.complaints.web;

import org.jspecify.annotations.NullMarked;
