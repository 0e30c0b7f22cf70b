/**
 * The cli room: picocli commands, text and JSON rendering, exit codes; it computes nothing itself.
 * May use every room.
 */
package io.github.vbios.cli;
