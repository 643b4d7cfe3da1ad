package io.deskbridge.sync.console;

import io.deskbridge.sync.connection.Connections;
import io.deskbridge.sync.engine.SyncEngine;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A connection's run history, newest first (the engine keeps the newest 100 in view). */
@Controller
class RunsPage {

    private final Connections connections;
    private final SyncEngine engine;

    RunsPage(Connections connections, SyncEngine engine) {
        this.connections = connections;
        this.engine = engine;
    }

    @GetMapping("/connections/{id}/runs")
    String runs(@PathVariable long id, Model model) {
        model.addAttribute("connection", connections.get(id));
        List<RunView> runs = engine.runs(id).stream().map(RunView::of).toList();
        model.addAttribute("runs", runs);
        // While a run is queued or running the page refreshes its live regions itself (console.js).
        model.addAttribute(
                "live", runs.stream().anyMatch(r -> "queued".equals(r.state()) || "running".equals(r.state())));
        return "console/runs";
    }
}
