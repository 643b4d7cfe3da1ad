'use strict';
// Drives a running desk with the unchanged node-zendesk client (pinned in package.json) and prints
// one JSON report on stdout: for each step, {"ok": true, "value": ...} with what the client read back,
// or {"ok": false, "error": ..., "status": ...}. NodeZendeskConformanceIntegrationTests runs it and
// asserts on the report. Each run creates its own data with unique names.
//
// Environment: DESK_URL (the desk's root URL), DESK_EMAIL and DESK_TOKEN (an admin's API token).
// Resources node-zendesk cannot create (macros, user and organization fields come with no create in
// some versions) are still created with node-zendesk's own request layer, not with another client.

const zendesk = require('node-zendesk');

const base = process.env.DESK_URL;
const client = zendesk.createClient({
  username: process.env.DESK_EMAIL,
  token: process.env.DESK_TOKEN,
  endpointUri: base + '/api/v2',
});

const unique = () => Math.random().toString(36).slice(2, 12);
const report = {};

/** node-zendesk 6 answers {response, result} for single requests and an array for lists. */
const body = (answer) => (answer && answer.result !== undefined ? answer.result : answer);

async function step(name, fn) {
  try {
    const value = await fn();
    report[name] = { ok: true, value: value === undefined ? null : value };
    return value;
  } catch (error) {
    report[name] = {
      ok: false,
      error: String(error && error.message ? error.message : error),
      status: error && (error.statusCode || error.status || (error.response && error.response.status)) || null,
    };
    return undefined;
  }
}

async function main() {
  const word = 'nz' + unique().replace(/[0-9]/g, 'q');

  await step('me', async () => {
    const me = body(await client.users.me());
    return { id: me.id, email: me.email, role: me.role };
  });

  // Organizations
  const org = await step('organizations.create', async () => {
    const o = body(await client.organizations.create({ organization: { name: 'Node Org ' + unique(), external_id: 'nz-org-' + unique() } }));
    return { id: o.id, name: o.name, external_id: o.external_id };
  });
  await step('organizations.update', async () => {
    const o = body(await client.organizations.update(org.id, { organization: { notes: 'from node' } }));
    return { id: o.id, notes: o.notes };
  });
  await step('organizations.show', async () => {
    const o = body(await client.organizations.show(org.id));
    return { id: o.id, name: o.name };
  });
  await step('organizations.list', async () => (await client.organizations.list()).map((o) => o.id));
  await step('organizations.count', async () => body(await client.organizations.count()).count.value);

  // Users
  const email = 'node-' + unique() + '@example.com';
  const user = await step('users.create', async () => {
    const u = body(await client.users.create({ user: { name: 'Node User ' + unique(), email, role: 'end-user', organization_id: org.id } }));
    return { id: u.id, email: u.email, role: u.role, organization_id: u.organization_id };
  });
  await step('users.show', async () => {
    const u = body(await client.users.show(user.id));
    return { id: u.id, email: u.email };
  });
  await step('users.update', async () => {
    const u = body(await client.users.update(user.id, { user: { notes: 'node notes' } }));
    return { id: u.id, notes: u.notes };
  });
  await step('users.search', async () => (await client.users.search({ query: email })).map((u) => u.id));
  await step('users.list', async () => (await client.users.list()).map((u) => u.id));

  // Groups and memberships
  const agent = await step('users.create.agent', async () => {
    const u = body(await client.users.create({ user: { name: 'Node Agent ' + unique(), email: 'node-agent-' + unique() + '@example.com', role: 'agent' } }));
    return { id: u.id, role: u.role };
  });
  const group = await step('groups.create', async () => {
    const g = body(await client.groups.create({ group: { name: 'Node Group ' + unique() } }));
    return { id: g.id, name: g.name };
  });
  const group2 = await step('groups.create.second', async () => {
    const g = body(await client.groups.create({ group: { name: 'Node Group ' + unique() } }));
    return { id: g.id };
  });
  await step('groups.update', async () => {
    const g = body(await client.groups.update(group.id, { group: { name: group.name + ' renamed' } }));
    return { id: g.id, name: g.name };
  });
  await step('groups.show', async () => body(await client.groups.show(group.id)).name);
  await step('groups.list', async () => (await client.groups.list()).map((g) => g.id));
  await step('groups.assignable', async () => (await client.groups.assignable()).map((g) => g.id));
  const membership = await step('groupmemberships.create', async () => {
    const m = body(await client.groupmemberships.create({ group_membership: { user_id: agent.id, group_id: group.id } }));
    return { id: m.id, user_id: m.user_id, group_id: m.group_id, default: m.default };
  });
  const membership2 = await step('groupmemberships.createByUser', async () => {
    const m = body(await client.groupmemberships.createByUser(agent.id, { group_membership: { user_id: agent.id, group_id: group2.id } }));
    return { id: m.id, default: m.default };
  });
  await step('groupmemberships.listByUser', async () => (await client.groupmemberships.listByUser(agent.id)).map((m) => m.group_id));
  await step('groupmemberships.listByGroup', async () => (await client.groupmemberships.listByGroup(group.id)).map((m) => m.user_id));
  await step('groupmemberships.makeDefault', async () => {
    const answer = body(await client.groupmemberships.makeDefault(agent.id, membership2.id));
    return (answer.group_memberships || []).filter((m) => m.default).map((m) => m.id);
  });
  await step('groupmemberships.show', async () => body(await client.groupmemberships.show(membership.id)).group_id);
  await step('groupmemberships.delete', async () => {
    await client.groupmemberships.delete(membership.id);
    return (await client.groupmemberships.listByUser(agent.id)).map((m) => m.id);
  });
  await step('organizationmemberships.listByUser', async () =>
    (await client.organizationmemberships.listByUser(user.id)).map((m) => ({ organization_id: m.organization_id, default: m.default })));
  await step('organizationmemberships.listByOrganization', async () =>
    (await client.organizationmemberships.listByOrganization(org.id)).map((m) => m.user_id));

  // Custom fields
  const field = await step('ticketfields.create', async () => {
    const f = body(await client.ticketfields.create({ ticket_field: { type: 'tagger', title: 'Node plan ' + unique(),
      custom_field_options: [{ name: 'Gold', value: 'nz_gold_' + unique() }, { name: 'Free', value: 'nz_free_' + unique() }] } }));
    return { id: f.id, type: f.type, title: f.title, options: (f.custom_field_options || []).map((o) => o.name) };
  });
  await step('ticketfields.update', async () => body(await client.ticketfields.update(field.id, { ticket_field: { title: 'Node plan renamed' } })).title);
  await step('ticketfields.show', async () => body(await client.ticketfields.show(field.id)).title);
  await step('ticketfields.listOptions', async () => (await client.ticketfields.listOptions(field.id)).map((o) => o.name));
  await step('ticketfields.list', async () => (await client.ticketfields.list()).map((f) => f.type));
  const userField = await step('userfields.create', async () => {
    const f = body(await client.userfields.create({ user_field: { type: 'text', key: 'nz_' + unique(), title: 'Node user field' } }));
    return { id: f.id, key: f.key };
  });
  await step('userfields.list', async () => (await client.userfields.list()).map((f) => f.id));
  await step('userfields.delete', async () => {
    await client.userfields.delete(userField.id);
    return (await client.userfields.list()).map((f) => f.id);
  });
  const orgField = await step('organizationfields.create', async () => {
    const f = body(await client.organizationfields.create({ organization_field: { type: 'integer', key: 'nz_' + unique(), title: 'Node seats' } }));
    return { id: f.id, type: f.type };
  });
  await step('organizationfields.list', async () => (await client.organizationfields.list()).map((f) => f.id));

  // Tickets, comments, tags
  const ticket = await step('tickets.create', async () => {
    const t = body(await client.tickets.create({ ticket: { subject: 'Node ' + word, comment: { body: 'First from node' },
      requester_id: user.id, tags: ['nz_first'], custom_fields: [{ id: field.id, value: null }] } }));
    return { id: t.id, subject: t.subject, status: t.status, tags: t.tags, requester_id: t.requester_id };
  });
  await step('tickets.update', async () => {
    const t = body(await client.tickets.update(ticket.id, { ticket: { status: 'open', comment: { body: 'Private note', public: false } } }));
    return { status: t.status };
  });
  await step('tickets.show', async () => {
    const t = body(await client.tickets.show(ticket.id));
    return { id: t.id, status: t.status, subject: t.subject };
  });
  await step('tickets.getComments', async () => (await client.tickets.getComments(ticket.id)).map((c) => ({ body: c.body, public: c.public })));
  await step('tickets.addTags', async () => {
    await client.tickets.addTags(ticket.id, { tags: ['nz_added'] });
    return body(await client.tickets.show(ticket.id)).tags;
  });
  await step('tickets.updateTags', async () => {
    await client.tickets.updateTags(ticket.id, { tags: ['nz_set'] });
    return body(await client.tickets.show(ticket.id)).tags;
  });
  await step('tickets.showMany', async () => (body(await client.tickets.showMany([ticket.id])).tickets || []).map((t) => t.id));
  await step('tickets.list', async () => (await client.tickets.list()).map((t) => t.id));
  await step('tags.list', async () => (await client.tags.list()).map((t) => t.name));

  // Audits and metrics
  const audits = await step('ticketaudits.list', async () => (await client.ticketaudits.list(ticket.id)).map((a) => ({ id: a.id, events: a.events.map((e) => e.type) })));
  await step('ticketaudits.show', async () => body(await client.ticketaudits.show(ticket.id, audits[0].id)).id);
  await step('ticketaudits.makePrivate', async () => {
    await client.ticketaudits.makePrivate(ticket.id, audits[0].id);
    return (await client.tickets.getComments(ticket.id)).map((c) => c.public);
  });
  await step('ticketmetrics.list', async () => {
    const answer = body(await client.ticketmetrics.list(ticket.id));
    return { ticket_id: answer.ticket_metric.ticket_id };
  });
  await step('ticketmetrics.listAll', async () => (await client.ticketmetrics.listAll()).map((m) => m.ticket_id));

  // Search and incremental exports
  await step('search.query', async () => (await client.search.query('type:ticket ' + word)).map((r) => ({ id: r.id, result_type: r.result_type })));
  await step('tickets.incremental', async () => (await client.tickets.incremental(0)).map((t) => t.id));
  await step('users.incremental', async () => (await client.users.incremental(0)).map((u) => u.id));
  await step('organizations.incremental', async () => (await client.organizations.incremental(0)).map((o) => o.id));

  // Brands and forms
  await step('brand.list', async () => (await client.brand.list()).map((b) => ({ id: b.id, default: b.default, active: b.active })));
  const form = await step('ticketforms.create', async () => {
    const f = body(await client.ticketforms.create({ ticket_form: { name: 'Node form ' + unique(), end_user_visible: true, ticket_field_ids: [field.id] } }));
    return { id: f.id, ticket_field_ids: f.ticket_field_ids };
  });
  await step('ticketforms.update', async () => body(await client.ticketforms.update(form.id, { ticket_form: { name: 'Node form renamed' } })).name);
  await step('ticketforms.show', async () => body(await client.ticketforms.show(form.id)).name);
  await step('ticketforms.delete', async () => {
    await client.ticketforms.delete(form.id);
    return null;
  });

  // Macros, views, triggers, automations
  const macroTitle = 'Node macro ' + unique();
  const macro = await step('macros.create', async () => {
    // node-zendesk has no macro create; its own request layer sends it.
    const m = body(await client.macros.post(['macros'], { macro: { title: macroTitle, actions: [{ field: 'status', value: 'pending' }, { field: 'current_tags', value: 'nz_macro' }] } }));
    return { id: m.id, title: m.title };
  });
  await step('macros.show', async () => body(await client.macros.show(macro.id)).title);
  await step('macros.list', async () => (await client.macros.list()).map((m) => m.id));
  await step('macros.update', async () => body(await client.macros.update(macro.id, { macro: { title: macroTitle + ' v2' } })).title);
  await step('macros.apply', async () => body(await client.macros.apply(macro.id)).result.ticket);
  await step('macros.applyTicket', async () => {
    const t = body(await client.macros.applyTicket(ticket.id, macro.id)).result.ticket;
    return { id: t.id, status: t.status, tags: t.tags };
  });
  await step('macros.delete', async () => {
    await client.macros.delete(macro.id);
    return null;
  });
  const view = await step('views.create', async () => {
    const v = body(await client.views.create({ view: { title: 'Node view ' + unique(), all: [{ field: 'current_tags', operator: 'includes', value: 'nz_set' }] } }));
    return { id: v.id, conditions: v.conditions };
  });
  await step('views.show', async () => body(await client.views.show(view.id)).title);
  await step('views.list', async () => (await client.views.list()).map((v) => v.id));
  await step('views.tickets', async () => (await client.views.tickets(view.id)).map((t) => t.id));
  await step('views.showCount', async () => body(await client.views.showCount(view.id)).view_count.value);
  await step('views.delete', async () => {
    await client.views.delete(view.id);
    return null;
  });
  const trigger = await step('triggers.create', async () => {
    const t = body(await client.triggers.create({ trigger: { title: 'Node trigger ' + unique(), conditions: { all: [{ field: 'priority', operator: 'is', value: 'urgent' }] }, actions: [{ field: 'status', value: 'open' }] } }));
    return { id: t.id, active: t.active };
  });
  await step('triggers.show', async () => body(await client.triggers.show(trigger.id)).id);
  await step('triggers.listActive', async () => (await client.triggers.listActive()).map((t) => t.id));
  await step('triggers.delete', async () => {
    await client.triggers.delete(trigger.id);
    return null;
  });
  const automation = await step('automations.create', async () => {
    const a = body(await client.automations.create({ automation: { title: 'Node automation ' + unique(),
      conditions: { all: [{ field: 'status', operator: 'is', value: 'solved' }, { field: 'SOLVED', operator: 'greater_than', value: '96' }] },
      actions: [{ field: 'status', value: 'closed' }] } }));
    return { id: a.id };
  });
  await step('automations.list', async () => (await client.automations.list()).map((a) => a.id));
  await step('automations.delete', async () => {
    await client.automations.delete(automation.id);
    return null;
  });

  // Account reads
  await step('locales.list', async () => (await client.locales.list()).map((l) => l.locale));
  await step('customagentroles.list', async () => (await client.customagentroles.list()).map((r) => r.name));

  // Deletions last
  await step('tickets.delete', async () => {
    await client.tickets.delete(ticket.id);
    return null;
  });
  await step('groups.delete', async () => {
    await client.groups.delete(group2.id);
    return (await client.groups.list()).map((g) => g.id);
  });
  await step('organizationfields.delete', async () => {
    await client.organizationfields.delete(orgField.id);
    return null;
  });

  report.ids = { org: org && org.id, user: user && user.id, agent: agent && agent.id, group: group && group.id,
    group2: group2 && group2.id, membership2: membership2 && membership2.id, field: field && field.id,
    ticket: ticket && ticket.id, word };
  process.stdout.write(JSON.stringify(report) + '\n');
}

main().catch((error) => {
  process.stderr.write('node-zendesk script failed: ' + (error && error.stack ? error.stack : error) + '\n');
  process.stdout.write(JSON.stringify(report) + '\n');
  process.exit(2);
});
