package io.deskbridge.desk.api;

import java.util.ArrayList;
import java.util.List;

/** Zendesk's comma-separated id parameters ({@code show_many?ids=1,2,3}). */
public final class IdList {

    private IdList() {}

    /** The ids in order; 400 for a non-number or more than {@code max} ids. */
    public static List<Long> parse(String ids, int max) {
        List<Long> parsed = new ArrayList<>();
        for (String part : ids.split(",")) {
            String trimmed = part.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            try {
                parsed.add(Long.parseLong(trimmed));
            } catch (NumberFormatException e) {
                throw new BadRequestException(
                        "InvalidParameter", "ids must be comma-separated numbers (got \"" + trimmed + "\")");
            }
        }
        if (parsed.size() > max) {
            throw new BadRequestException(
                    "InvalidParameter", "show_many takes at most " + max + " ids (got " + parsed.size() + ")");
        }
        return parsed;
    }
}
