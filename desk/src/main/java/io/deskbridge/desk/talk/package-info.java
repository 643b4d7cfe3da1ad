/**
 * Zendesk Talk, which desk does not have: {@code /api/v2/channels/voice/**} answers as Zendesk answers
 * an account without Talk.
 *
 * <p>Decision. tap-zendesk's discovery probes {@code GET /api/v2/channels/voice/phone_numbers.json}
 * (its optional {@code talk_phone_numbers} stream). Its {@code TalkPhoneNumbers.check_access}
 * (streams.py) and {@code discover.py} treat a 403 as "plan or add-on not provisioned": the stream is
 * left out of the catalog and discovery goes on; a JSON 404 is a zenpy {@code APIException} that is
 * re-raised and fails the whole discovery. The tap added that handling (singer-io/tap-zendesk#185)
 * after a customer's discovery broke on "403 Client Error: Forbidden for url:
 * .../api/v2/channels/voice/phone_numbers.json" from an account without Talk, so a 403 is what Zendesk
 * answers there. desk answers 403 with the restricted-resource body ({@code {"error":{"title":
 * "Forbidden","message":"Access to this resource is restricted..."}}}), the one JSON 403 body
 * check_access converts to "forbidden" rather than re-raising. An empty {@code phone_numbers} list
 * would claim a Talk product desk does not have; a 403 keeps the stream out, as for a real account
 * without Talk. Every method and path under {@code channels/voice} answers the same.
 */
package io.deskbridge.desk.talk;
