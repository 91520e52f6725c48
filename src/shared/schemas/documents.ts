import { Type, type Static } from 'typebox';
import { DOCUMENT_MEDIA_TYPES } from '../registry.js';

/** The longest file name kept (most file systems stop at 255). */
export const DOCUMENT_NAME_MAX = 255;

export const RecordParamsSchema = Type.Object({ idOrSlug: Type.String({ minLength: 1, maxLength: 200 }) });
export const DocumentParamsSchema = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** The upload's file name travels in the query: the body is the file itself, as it is (application/octet-stream). */
export const UploadQuerySchema = Type.Object(
  { name: Type.String({ maxLength: DOCUMENT_NAME_MAX, description: 'the file name as the user chose it, without any folder' }) },
  { additionalProperties: false },
);
export type UploadQuery = Static<typeof UploadQuerySchema>;

export const DocumentSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  fileName: Type.String(),
  mediaType: Type.Enum(DOCUMENT_MEDIA_TYPES, { description: 'as read from the content, not from the name' }),
  size: Type.Integer({ minimum: 1 }),
  sha256: Type.String({ description: 'hex digest of the bytes' }),
  uploadedBy: Type.Union([Type.String(), Type.Null()], { description: 'the uploader’s display name; null once the account is gone' }),
  createdAt: Type.String({ format: 'date-time' }),
  url: Type.String({ description: 'where the file downloads' }),
});
export type DocumentView = Static<typeof DocumentSchema>;

export const DocumentListSchema = Type.Object({
  items: Type.Array(DocumentSchema),
  canEdit: Type.Boolean({ description: 'whether the reader may upload and delete documents of this record' }),
  maxBytes: Type.Integer({ description: 'the largest file the platform accepts' }),
  mediaTypes: Type.Array(Type.String(), { description: 'the kinds of file it accepts, read from their content' }),
});
export type DocumentList = Static<typeof DocumentListSchema>;
