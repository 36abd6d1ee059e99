package io.cambist.admin.internal.rest;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.databind.JavaType;

/**
 * Reads and writes JSON bodies with {@link Json#MAPPER}. Raw types (strings, bytes, streams) are left to Jersey's
 * built-in providers so that documents the API serves verbatim are not quoted again.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
@Produces({MediaType.APPLICATION_JSON, "application/*+json"})
public class JsonProvider implements MessageBodyReader<Object>, MessageBodyWriter<Object> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return handles(type) && isJson(mediaType);
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        byte[] body = entityStream.readAllBytes();
        if (Json.isBlank(body)) {
            return null;
        }
        try {
            JavaType javaType = Json.MAPPER.getTypeFactory().constructType(genericType == null ? type : genericType);
            return Json.MAPPER.readValue(body, javaType);
        } catch (IOException e) {
            throw Json.toApiException(e);
        }
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return handles(type) && isJson(mediaType);
    }

    @Override
    public void writeTo(Object value, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream) throws IOException {
        // serialise fully first: a failure then becomes a clean 500 instead of a half-written body
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
        Json.MAPPER.writeValue(buffer, value);
        buffer.writeTo(entityStream);
    }

    static boolean handles(Class<?> type) {
        return type != String.class && type != byte[].class && !InputStream.class.isAssignableFrom(type)
                && !Reader.class.isAssignableFrom(type) && !File.class.isAssignableFrom(type)
                && !StreamingOutput.class.isAssignableFrom(type) && !Response.class.isAssignableFrom(type);
    }

    static boolean isJson(MediaType mediaType) {
        if (mediaType == null) {
            return true;
        }
        String sub = mediaType.getSubtype();
        return mediaType.isWildcardType() || mediaType.isWildcardSubtype() && "application".equals(mediaType.getType())
                || "json".equalsIgnoreCase(sub) || sub.toLowerCase(java.util.Locale.ROOT).endsWith("+json");
    }
}
