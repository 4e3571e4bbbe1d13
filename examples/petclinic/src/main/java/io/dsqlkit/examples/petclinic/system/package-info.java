/** Application-wide pages: welcome, error demonstration, and the footer's backend name. */
package io.dsqlkit.examples.petclinic.system;
