package io.deskbridge.archfixture;

import java.util.List;
import java.util.Map;

/** Breaks the wire rule (ArchitectureRulesTests): a JSON builder handing out maps. */
public final class MapBuildingJson {

    private MapBuildingJson() {}

    static List<Map<String, Object>> rows() {
        return List.of();
    }
}
