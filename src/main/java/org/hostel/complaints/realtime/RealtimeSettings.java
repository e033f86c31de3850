package org.hostel.complaints.realtime;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.List;
import org.hostel.complaints.protection.Limit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The dashboard socket.
 *
 * @param maxConnections sockets one instance holds; the next one is closed with 1013 (try again
 *     later), so a load balancer or the client moves on to another instance
 * @param maxConnectionsPerAccount sockets one staff account holds on one instance; the next one is
 *     closed with 4029, so one account (or a stolen token) cannot take every slot
 * @param handshakesPerClient socket handshakes one client address may make, as {@code N/period}
 *     ({@code 120/1m}); over it the handshake is answered 429 before any token is checked
 * @param pingInterval how often the server pings every socket; a browser answers on its own
 * @param idleTimeout a socket from which nothing (not even a pong) arrived for this long is treated
 *     as half-open and closed; keep it above two ping intervals
 * @param sendTimeLimit a client that has not taken a message for this long is too slow and is
 *     disconnected, so one stuck socket cannot hold memory or delay the others
 * @param sendBufferLimit messages held for one slow client before it is disconnected
 * @param allowedOrigins browser origins allowed to open the socket besides the service's own
 * @param redisChannel the Redis pub/sub channel shared by the instances of one deployment (used
 *     only when {@code SPRING_DATA_REDIS_URL} is set)
 */
@Validated
@ConfigurationProperties("complaints.realtime")
record RealtimeSettings(
    @DefaultValue("10000") @Min(1) int maxConnections,
    @DefaultValue("10") @Min(1) int maxConnectionsPerAccount,
    @DefaultValue("120/1m") Limit handshakesPerClient,
    @DefaultValue("25s") Duration pingInterval,
    @DefaultValue("60s") Duration idleTimeout,
    @DefaultValue("10s") Duration sendTimeLimit,
    @DefaultValue("512KB") DataSize sendBufferLimit,
    @DefaultValue({}) List<String> allowedOrigins,
    @DefaultValue("complaints:dashboard") @NotBlank String redisChannel) {}
