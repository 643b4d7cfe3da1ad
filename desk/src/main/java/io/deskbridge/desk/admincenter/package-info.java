/** The Admin Center's shell: sign-in page, home, navigation, shared layout. */
package io.deskbridge.desk.admincenter;
