/**
 * Dynamic content: {@code /api/v2/dynamic_content/items} (list, show, show_many, create, update, delete)
 * and each item's {@code variants} (list, show, create, update, delete).
 *
 * <p>Decisions. An item's placeholder is {@code {{dc.key}}}, the key its name lower-cased with every
 * run of other characters than letters and digits turned into one underscore, as Zendesk derives it;
 * the key is unique (a second item whose name gives the same key is a 422 {@code DuplicateValue}).
 * A variant is one locale's text; an item has at most one per locale, and the variant in the item's
 * {@code default_locale_id} is its default one ({@code default: true}), so the default is not stored
 * twice. Creating an item needs its default locale's variant (422 otherwise), that variant cannot be
 * deleted (422), and {@code default: true} on another variant moves the item's default locale to it.
 * Locales are desk's fixed list (locale/); another id is a 422. {@code outdated} is always false: desk
 * does not track which translations lag behind the default text. Placeholders are not yet expanded
 * in macros or trigger notifications (desk sends no email), only stored and listed. Lists are
 * account-configuration sized and page in memory ({@code pagination.ListPages}).
 */
package io.deskbridge.desk.dynamiccontent;
