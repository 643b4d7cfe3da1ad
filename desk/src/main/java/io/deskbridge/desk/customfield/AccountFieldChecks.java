package io.deskbridge.desk.customfield;

import io.deskbridge.desk.api.AccountFieldValues;
import io.deskbridge.desk.api.OpenValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * {@link AccountFieldValues} for users and organizations: each value whose key names a field is
 * checked by {@link CustomFields#checkValue}; a key that names no field is kept as sent (desk's
 * behaviour before fields were checked; Zendesk ignores such keys, desk keeps rather than drops them).
 */
@Component
class AccountFieldChecks implements AccountFieldValues {

    private final CustomFields fields;
    private final CustomFieldRepository repository;

    AccountFieldChecks(CustomFields fields, CustomFieldRepository repository) {
        this.fields = fields;
        this.repository = repository;
    }

    @Override
    public Map<String, Object> check(Owner owner, Map<String, Object> values) {
        FieldOwner kind = owner == Owner.USER ? FieldOwner.USER : FieldOwner.ORGANIZATION;
        JsonNode tree = OpenValues.tree(values);
        Map<String, Object> checked = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            String key = entry.getKey();
            if (repository.findByKey(kind, key).isEmpty()) {
                checked.put(key, entry.getValue());
                continue;
            }
            checked.put(key, plain(fields.checkValue(kind, key, tree.get(key))));
        }
        return checked;
    }

    private static Object plain(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber()) {
            return value.longValue();
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isArray()) {
            List<Object> list = new ArrayList<>();
            value.forEach(v -> list.add(plain(v)));
            return list;
        }
        return value.asString();
    }
}
