package org.hostel.complaints.photo;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.hostel.complaints.staff.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/complaints/{id}/photos")
class PhotoController {

  private final UploadService uploads;
  private final PhotoService photos;

  PhotoController(UploadService uploads, PhotoService photos) {
    this.uploads = uploads;
    this.photos = photos;
  }

  @Operation(
      summary = "Upload a photo",
      description =
          "A multipart `file` (JPEG, PNG, GIF or WebP, checked by its bytes and header); 201 with the photo in state `processing`. The stored image and thumbnail are made in the background (`photo_ready` event; links once `ready`).")
  @ApiResponse(responseCode = "201", description = "Created")
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<PhotoResponse> upload(
      Caller caller,
      @PathVariable UUID id,
      @RequestPart(name = "file", required = false) @Nullable MultipartFile file) {
    return created(uploads.upload(caller, id, file));
  }

  @Operation(
      summary = "Presign a direct upload",
      description =
          "For phones: a URL and the headers to PUT the photo to, valid for a short time; confirm it afterwards.")
  @PostMapping("/presign")
  @ResponseStatus(HttpStatus.CREATED)
  PresignResponse presign(
      Caller caller, @PathVariable UUID id, @Valid @RequestBody PresignRequest body) {
    return uploads.presign(caller, id, body);
  }

  @Operation(
      summary = "Confirm a presigned upload",
      description =
          "Checks the photo that was PUT to the presigned URL and adds it to the complaint (201, state `processing`, processed in the background). `photo_id` is enough; `s3_key`, `file_size` and `content_type` (sent by the old system's bot) must agree with the presign.")
  @ApiResponse(responseCode = "201", description = "Created")
  @PostMapping("/confirm")
  ResponseEntity<PhotoResponse> confirm(
      Caller caller, @PathVariable UUID id, @Valid @RequestBody ConfirmRequest body) {
    return created(uploads.confirm(caller, id, body.photoId(), body::check));
  }

  @Operation(
      summary = "List photos",
      description = "The complaint's photos with signed links to the image and thumbnail.")
  @GetMapping
  List<PhotoResponse> list(Caller caller, @PathVariable UUID id) {
    return photos.list(caller, id);
  }

  @Operation(summary = "Read one photo", description = "One photo with fresh signed links.")
  @GetMapping("/{photoId}")
  PhotoResponse get(Caller caller, @PathVariable UUID id, @PathVariable UUID photoId) {
    return photos.get(caller, id, photoId);
  }

  @Operation(
      summary = "Remove a photo",
      description = "Removes the photo and its files (staff who may change the complaint).")
  @ApiResponse(responseCode = "204", description = "Removed")
  @DeleteMapping("/{photoId}")
  ResponseEntity<Void> delete(Caller caller, @PathVariable UUID id, @PathVariable UUID photoId) {
    photos.delete(caller, id, photoId);
    return ResponseEntity.noContent().build();
  }

  private static ResponseEntity<PhotoResponse> created(PhotoResponse photo) {
    return ResponseEntity.created(
            URI.create("/api/v1/complaints/" + photo.complaintId() + "/photos/" + photo.id()))
        .body(photo);
  }
}
