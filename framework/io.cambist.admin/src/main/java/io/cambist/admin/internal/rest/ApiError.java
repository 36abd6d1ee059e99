package io.cambist.admin.internal.rest;

/**
 * The body of every error response.
 *
 * @param error  what went wrong, in a few words
 * @param detail the specifics and what to do about them
 */
public record ApiError(String error, String detail) {
}
