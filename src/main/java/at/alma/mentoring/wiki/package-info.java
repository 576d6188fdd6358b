/**
 * The Mentoring-Wiki: articles, revisions and ratings.
 */
package at.alma.mentoring.wiki;
