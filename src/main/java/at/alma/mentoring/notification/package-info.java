/**
 * E-mail delivery (templates, stable keys, retries through Camunda jobs or the outbox)
 * and in-app notices.
 */
package at.alma.mentoring.notification;
