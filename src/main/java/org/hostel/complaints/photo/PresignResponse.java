package org.hostel.complaints.photo;

import java.util.Map;
import java.util.UUID;

/**
 * Where and how to upload. {@code fields} are the headers the PUT must carry (its Content-Type);
 * {@code upload_id} is the photo id, since one presign uploads exactly one photo.
 */
record PresignResponse(
    UUID uploadId,
    UUID photoId,
    String s3Key,
    String method,
    String url,
    Map<String, String> fields,
    long expiresIn) {}
