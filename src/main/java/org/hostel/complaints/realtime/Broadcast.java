package org.hostel.complaints.realtime;

import java.util.List;
import java.util.UUID;

/**
 * One dashboard message and who may receive it: every admin, plus either every porter or only the
 * listed ones. It is rendered once, where the write happened, and travels between instances as is.
 *
 * @param allPorters whether every porter may see the complaint (it is unassigned)
 * @param porters the porters concerned when not all of them are
 * @param message the JSON text sent on the socket
 */
record Broadcast(boolean allPorters, List<UUID> porters, String message) {}
