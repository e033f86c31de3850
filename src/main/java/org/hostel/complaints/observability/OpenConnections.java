package org.hostel.complaints.observability;

/**
 * The long-lived client connections (dashboard sockets) this instance holds open, reported as
 * {@code websocket_connections} by {@code /health}. The feature that holds such connections
 * contributes the bean, so health reads a figure without knowing that feature; with none the figure
 * is zero.
 */
public interface OpenConnections {

  /** Connections open on this instance now. */
  long count();
}
