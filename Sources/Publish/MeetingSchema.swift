/// The published JSON Schema (draft 2020-12) of a ``Meeting`` record, as `minutes schema` prints it.
public enum MeetingSchema {
    /// The schema's `$id`.
    public static let id = "https://minutes.example.org/schema/meeting-v\(Meeting.schemaVersion).schema.json"

    /// The schema as JSON text, ending with a newline.
    public static var text: String {
        """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "\(id)",
          "title": "Meeting",
          "description": "The records that minutes extracts from one meeting note. Every key is always present; unknown values are null.",
          "type": "object",
          "additionalProperties": false,
          "required": ["id", "schema_version", "source", "title", "date", "start_time", "end_time", "location", "attendees", "officials", "absent", "sections", "recommendations", "actions", "decisions", "diagnostics"],
          "properties": {
            "id": {"description": "Stable slug from the date and title, unique within a run.", "$ref": "#/$defs/slug"},
            "schema_version": {"description": "The version of this record's shape.", "const": \(Meeting.schemaVersion)},
            "source": {
              "description": "Where the record came from.",
              "type": "object",
              "additionalProperties": false,
              "required": ["path", "sha256", "format"],
              "properties": {
                "path": {"description": "The note's path as given to minutes.", "type": "string"},
                "sha256": {"description": "SHA-256 of the note's bytes, lower-case hex.", "type": "string", "pattern": "^[0-9a-f]{64}$"},
                "format": {"description": "How the note was read.", "enum": ["markdown", "text"]}
              }
            },
            "title": {"description": "The meeting's title, markup stripped.", "type": ["string", "null"]},
            "date": {"description": "The meeting date.", "$ref": "#/$defs/optionalDate"},
            "start_time": {"description": "Start time, 24-hour HH:MM.", "$ref": "#/$defs/optionalTime"},
            "end_time": {"description": "End time, 24-hour HH:MM.", "$ref": "#/$defs/optionalTime"},
            "location": {"description": "Where the meeting was held: a room, an address, a call platform.", "type": ["string", "null"]},
            "attendees": {"description": "Members present.", "type": "array", "items": {"$ref": "#/$defs/person"}},
            "officials": {"description": "Officials, guests, observers and staff, listed apart from members.", "type": "array", "items": {"$ref": "#/$defs/person"}},
            "absent": {"description": "Apologies and absences.", "type": "array", "items": {"$ref": "#/$defs/person"}},
            "sections": {"description": "The note's sections in document order.", "type": "array", "items": {"$ref": "#/$defs/section"}},
            "recommendations": {"description": "What the group or its members recommend, urge or propose.", "type": "array", "items": {"$ref": "#/$defs/recommendation"}},
            "actions": {"description": "Explicitly marked action items.", "type": "array", "items": {"$ref": "#/$defs/action"}},
            "decisions": {"description": "Resolutions, agreements and motion outcomes.", "type": "array", "items": {"$ref": "#/$defs/decision"}},
            "diagnostics": {"description": "Problems found while reading the note.", "type": "array", "items": {"$ref": "#/$defs/diagnostic"}}
          },
          "$defs": {
            "slug": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
            "optionalDate": {"type": ["string", "null"], "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
            "optionalTime": {"type": ["string", "null"], "pattern": "^([01][0-9]|2[0-4]):[0-5][0-9]$"},
            "optionalSlug": {"anyOf": [{"$ref": "#/$defs/slug"}, {"type": "null"}]},
            "lines": {
              "description": "First and last source line, 1-based and inclusive.",
              "type": "array",
              "prefixItems": [{"type": "integer", "minimum": 1}, {"type": "integer", "minimum": 1}],
              "items": false,
              "minItems": 2
            },
            "person": {
              "type": "object",
              "additionalProperties": false,
              "required": ["name", "name_as_written", "organization", "organization_as_written", "role", "roles", "handle", "lines"],
              "properties": {
                "name": {"description": "The name without handles; the canonical name when a configured alias applied.", "type": "string", "minLength": 1},
                "name_as_written": {"description": "The name as written when an alias replaced it; null otherwise.", "type": ["string", "null"]},
                "organization": {"description": "The organisation, when stated; the canonical name when a configured alias applied.", "type": ["string", "null"]},
                "organization_as_written": {"description": "The organisation as written when an alias replaced it; null otherwise.", "type": ["string", "null"]},
                "role": {"description": "The role as written, tidied.", "type": ["string", "null"]},
                "roles": {"description": "Normalised role tags such as chair, member, co_opted, scribe.", "type": "array", "items": {"type": "string", "pattern": "^[a-z_]+$"}},
                "handle": {"description": "A handle such as a GitHub @name.", "type": ["string", "null"]},
                "lines": {"$ref": "#/$defs/lines"}
              }
            },
            "section": {
              "type": "object",
              "additionalProperties": false,
              "required": ["id", "title", "level", "parent", "lines"],
              "properties": {
                "id": {"$ref": "#/$defs/slug"},
                "title": {"description": "The heading, markup stripped.", "type": "string"},
                "level": {"description": "Semantic nesting level, 1 outermost.", "type": "integer", "minimum": 1},
                "parent": {"description": "The id of the enclosing section.", "$ref": "#/$defs/optionalSlug"},
                "lines": {"$ref": "#/$defs/lines"}
              }
            },
            "action": {
              "type": "object",
              "additionalProperties": false,
              "required": ["id", "text", "owners", "owners_as_written", "due", "due_text", "section", "lines"],
              "properties": {
                "id": {"type": "string", "pattern": "^a[0-9]+$"},
                "text": {"description": "The action as written, marker removed.", "type": "string"},
                "owners": {"description": "Who must act, as written or by the canonical name when a configured alias applied; empty when nobody is named.", "type": "array", "items": {"type": "string"}},
                "owners_as_written": {"description": "The owners as written, one for each owner, when an alias replaced any; null otherwise.", "type": ["array", "null"], "items": {"type": "string"}},
                "due": {"description": "The due date when it could be resolved.", "$ref": "#/$defs/optionalDate"},
                "due_text": {"description": "The due date as written.", "type": ["string", "null"]},
                "section": {"description": "The id of the section holding the action.", "$ref": "#/$defs/optionalSlug"},
                "lines": {"$ref": "#/$defs/lines"}
              }
            },
            "recommendation": {
              "type": "object",
              "additionalProperties": false,
              "required": ["id", "text", "by", "to", "section", "lines"],
              "properties": {
                "id": {"type": "string", "pattern": "^r[0-9]+$"},
                "text": {"type": "string"},
                "by": {"description": "Who recommends, when stated.", "type": ["string", "null"]},
                "to": {"description": "Whom the recommendation addresses, when stated.", "type": ["string", "null"]},
                "section": {"$ref": "#/$defs/optionalSlug"},
                "lines": {"$ref": "#/$defs/lines"}
              }
            },
            "decision": {
              "type": "object",
              "additionalProperties": false,
              "required": ["id", "text", "section", "lines"],
              "properties": {
                "id": {"type": "string", "pattern": "^d[0-9]+$"},
                "text": {"type": "string"},
                "section": {"$ref": "#/$defs/optionalSlug"},
                "lines": {"$ref": "#/$defs/lines"}
              }
            },
            "diagnostic": {
              "type": "object",
              "additionalProperties": false,
              "required": ["severity", "message", "file", "line", "column"],
              "properties": {
                "severity": {"enum": ["note", "warning", "error"]},
                "message": {"type": "string"},
                "file": {"type": "string"},
                "line": {"type": ["integer", "null"], "minimum": 1},
                "column": {"type": ["integer", "null"], "minimum": 1}
              }
            }
          }
        }

        """
    }
}
