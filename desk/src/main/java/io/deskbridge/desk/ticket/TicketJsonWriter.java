package io.deskbridge.desk.ticket;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.JsonNode;

/**
 * Writes a {@link TicketJson}'s fields straight to a generator, in the order and form Jackson gives
 * them (snake case, nulls written, {@code recipient} left out when null, ISO-8601 instants as
 * {@link Instant#toString()}). Decision: the cursor export writes 1,000 tickets a page, and Jackson's
 * record serialisation (property lookup per field, the {@code @JsonUnwrapped} wrapper, {@code
 * DateTimeFormatter} for each instant, the {@code via} JsonNodes) was most of the page's time (issue
 * 17); {@code TicketJsonWriterTests} holds this to Jackson's own output byte for byte.
 */
public final class TicketJsonWriter {

    private static final SerializableString ID = name("id");
    private static final SerializableString URL = name("url");
    private static final SerializableString EXTERNAL_ID = name("external_id");
    private static final SerializableString VIA = name("via");
    private static final SerializableString CHANNEL = name("channel");
    private static final SerializableString SOURCE = name("source");
    private static final SerializableString FROM = name("from");
    private static final SerializableString TO = name("to");
    private static final SerializableString REL = name("rel");
    private static final SerializableString CREATED_AT = name("created_at");
    private static final SerializableString UPDATED_AT = name("updated_at");
    private static final SerializableString GENERATED_TIMESTAMP = name("generated_timestamp");
    private static final SerializableString TYPE = name("type");
    private static final SerializableString SUBJECT = name("subject");
    private static final SerializableString RAW_SUBJECT = name("raw_subject");
    private static final SerializableString DESCRIPTION = name("description");
    private static final SerializableString PRIORITY = name("priority");
    private static final SerializableString STATUS = name("status");
    private static final SerializableString RECIPIENT = name("recipient");
    private static final SerializableString REQUESTER_ID = name("requester_id");
    private static final SerializableString SUBMITTER_ID = name("submitter_id");
    private static final SerializableString ASSIGNEE_ID = name("assignee_id");
    private static final SerializableString ORGANIZATION_ID = name("organization_id");
    private static final SerializableString GROUP_ID = name("group_id");
    private static final SerializableString COLLABORATOR_IDS = name("collaborator_ids");
    private static final SerializableString FOLLOWER_IDS = name("follower_ids");
    private static final SerializableString EMAIL_CC_IDS = name("email_cc_ids");
    private static final SerializableString PROBLEM_ID = name("problem_id");
    private static final SerializableString HAS_INCIDENTS = name("has_incidents");
    private static final SerializableString IS_PUBLIC = name("is_public");
    private static final SerializableString DUE_AT = name("due_at");
    private static final SerializableString TAGS = name("tags");
    private static final SerializableString CUSTOM_FIELDS = name("custom_fields");
    private static final SerializableString FIELDS = name("fields");
    private static final SerializableString VALUE = name("value");
    private static final SerializableString SHARING_AGREEMENT_IDS = name("sharing_agreement_ids");
    private static final SerializableString FOLLOWUP_IDS = name("followup_ids");
    private static final SerializableString BRAND_ID = name("brand_id");
    private static final SerializableString TICKET_FORM_ID = name("ticket_form_id");
    private static final SerializableString ALLOW_CHANNELBACK = name("allow_channelback");
    private static final SerializableString ALLOW_ATTACHMENTS = name("allow_attachments");
    private static final SerializableString FROM_MESSAGING_CHANNEL = name("from_messaging_channel");
    private static final SerializableString SATISFACTION_RATING = name("satisfaction_rating");
    private static final SerializableString SCORE = name("score");
    private static final SerializableString COMMENT = name("comment");
    private static final SerializableString REASON = name("reason");
    private static final SerializableString REASON_ID = name("reason_id");

    private TicketJsonWriter() {}

    private static SerializableString name(String name) {
        return new SerializedString(name);
    }

    /** The ticket as a JSON object. */
    public static void write(TicketJson t, JsonGenerator gen) {
        gen.writeStartObject();
        writeFields(t, gen);
        gen.writeEndObject();
    }

    /** The ticket object's fields, in an object the caller has started (and may add to). */
    public static void writeFields(TicketJson t, JsonGenerator gen) {
        gen.writeName(ID);
        gen.writeNumber(t.id());
        gen.writeName(URL);
        string(gen, t.url());
        gen.writeName(EXTERNAL_ID);
        string(gen, t.externalId());
        gen.writeName(VIA);
        via(gen, t.via());
        gen.writeName(CREATED_AT);
        instant(gen, t.createdAt());
        gen.writeName(UPDATED_AT);
        instant(gen, t.updatedAt());
        gen.writeName(GENERATED_TIMESTAMP);
        gen.writeNumber(t.generatedTimestamp());
        gen.writeName(TYPE);
        string(gen, t.type());
        gen.writeName(SUBJECT);
        string(gen, t.subject());
        gen.writeName(RAW_SUBJECT);
        string(gen, t.rawSubject());
        gen.writeName(DESCRIPTION);
        string(gen, t.description());
        gen.writeName(PRIORITY);
        string(gen, t.priority());
        gen.writeName(STATUS);
        string(gen, t.status());
        if (t.recipient() != null) {
            gen.writeName(RECIPIENT);
            gen.writeString(t.recipient());
        }
        gen.writeName(REQUESTER_ID);
        gen.writeNumber(t.requesterId());
        gen.writeName(SUBMITTER_ID);
        gen.writeNumber(t.submitterId());
        gen.writeName(ASSIGNEE_ID);
        number(gen, t.assigneeId());
        gen.writeName(ORGANIZATION_ID);
        number(gen, t.organizationId());
        gen.writeName(GROUP_ID);
        number(gen, t.groupId());
        gen.writeName(COLLABORATOR_IDS);
        numbers(gen, t.collaboratorIds());
        gen.writeName(FOLLOWER_IDS);
        numbers(gen, t.followerIds());
        gen.writeName(EMAIL_CC_IDS);
        numbers(gen, t.emailCcIds());
        gen.writeName(PROBLEM_ID);
        number(gen, t.problemId());
        gen.writeName(HAS_INCIDENTS);
        gen.writeBoolean(t.hasIncidents());
        gen.writeName(IS_PUBLIC);
        gen.writeBoolean(t.isPublic());
        gen.writeName(DUE_AT);
        instant(gen, t.dueAt());
        gen.writeName(TAGS);
        strings(gen, t.tags());
        gen.writeName(CUSTOM_FIELDS);
        customFields(gen, t.customFields());
        gen.writeName(FIELDS);
        customFields(gen, t.fields());
        gen.writeName(SHARING_AGREEMENT_IDS);
        numbers(gen, t.sharingAgreementIds());
        gen.writeName(FOLLOWUP_IDS);
        numbers(gen, t.followupIds());
        gen.writeName(BRAND_ID);
        number(gen, t.brandId());
        gen.writeName(TICKET_FORM_ID);
        number(gen, t.ticketFormId());
        gen.writeName(ALLOW_CHANNELBACK);
        gen.writeBoolean(t.allowChannelback());
        gen.writeName(ALLOW_ATTACHMENTS);
        gen.writeBoolean(t.allowAttachments());
        gen.writeName(FROM_MESSAGING_CHANNEL);
        gen.writeBoolean(t.fromMessagingChannel());
        gen.writeName(SATISFACTION_RATING);
        satisfaction(gen, t.satisfactionRating());
    }

    private static void via(JsonGenerator gen, Via via) {
        if (via == null) {
            gen.writeNull();
            return;
        }
        gen.writeStartObject();
        gen.writeName(CHANNEL);
        string(gen, via.channel());
        gen.writeName(SOURCE);
        Via.Source source = via.source();
        if (source == null) {
            gen.writeNull();
        } else {
            gen.writeStartObject();
            gen.writeName(FROM);
            node(gen, source.from());
            gen.writeName(TO);
            node(gen, source.to());
            gen.writeName(REL);
            string(gen, source.rel());
            gen.writeEndObject();
        }
        gen.writeEndObject();
    }

    private static void satisfaction(JsonGenerator gen, TicketSatisfaction s) {
        if (s == null) {
            gen.writeNull();
            return;
        }
        // @JsonInclude(NON_NULL): absent fields are left out.
        gen.writeStartObject();
        if (s.id() != null) {
            gen.writeName(ID);
            gen.writeNumber(s.id());
        }
        if (s.score() != null) {
            gen.writeName(SCORE);
            gen.writeString(s.score());
        }
        if (s.comment() != null) {
            gen.writeName(COMMENT);
            gen.writeString(s.comment());
        }
        if (s.reason() != null) {
            gen.writeName(REASON);
            gen.writeString(s.reason());
        }
        if (s.reasonId() != null) {
            gen.writeName(REASON_ID);
            gen.writeNumber(s.reasonId());
        }
        gen.writeEndObject();
    }

    private static void customFields(JsonGenerator gen, List<CustomFieldValue> values) {
        if (values == null) {
            gen.writeNull();
            return;
        }
        gen.writeStartArray();
        for (CustomFieldValue value : values) {
            if (value == null) {
                gen.writeNull();
                continue;
            }
            gen.writeStartObject();
            gen.writeName(ID);
            gen.writeNumber(value.id());
            gen.writeName(VALUE);
            node(gen, value.value());
            gen.writeEndObject();
        }
        gen.writeEndArray();
    }

    private static void node(JsonGenerator gen, JsonNode node) {
        if (node == null) {
            gen.writeNull();
        } else if (node.isObject() && node.isEmpty()) {
            gen.writeStartObject();
            gen.writeEndObject();
        } else {
            gen.writeTree(node);
        }
    }

    private static void numbers(JsonGenerator gen, List<Long> values) {
        if (values == null) {
            gen.writeNull();
            return;
        }
        gen.writeStartArray();
        for (Long value : values) {
            number(gen, value);
        }
        gen.writeEndArray();
    }

    private static void strings(JsonGenerator gen, List<String> values) {
        if (values == null) {
            gen.writeNull();
            return;
        }
        gen.writeStartArray();
        for (String value : values) {
            string(gen, value);
        }
        gen.writeEndArray();
    }

    private static void number(JsonGenerator gen, Long value) {
        if (value == null) {
            gen.writeNull();
        } else {
            gen.writeNumber(value.longValue());
        }
    }

    private static void string(JsonGenerator gen, String value) {
        if (value == null) {
            gen.writeNull();
        } else {
            gen.writeString(value);
        }
    }

    private static void instant(JsonGenerator gen, Instant value) {
        if (value == null) {
            gen.writeNull();
        } else {
            gen.writeString(format(value));
        }
    }

    /**
     * {@link Instant#toString()} (ISO-8601, what Jackson writes), without {@code DateTimeFormatter} for
     * the common case: whole seconds in years 1000–9999.
     */
    static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (instant.getNano() != 0 || seconds < -30_610_224_000L || seconds >= 253_402_300_800L) {
            return instant.toString();
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        char[] c = new char[20];
        digits(c, 0, t.getYear(), 4);
        c[4] = '-';
        digits(c, 5, t.getMonthValue(), 2);
        c[7] = '-';
        digits(c, 8, t.getDayOfMonth(), 2);
        c[10] = 'T';
        digits(c, 11, t.getHour(), 2);
        c[13] = ':';
        digits(c, 14, t.getMinute(), 2);
        c[16] = ':';
        digits(c, 17, t.getSecond(), 2);
        c[19] = 'Z';
        return new String(c);
    }

    private static void digits(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
