#ifndef SITEGEN_CVIPS_SHIM_H
#define SITEGEN_CVIPS_SHIM_H
#include <vips/vips.h>

/* libvips' operations take their options as NULL-terminated variadic
   arguments, which Swift cannot call. These wrappers fix the options the
   image stage uses; only SiteKit's Images/Vips.swift calls them. */

/* The header of an image in memory; pixels are decoded only when asked for. */
static inline VipsImage *sitegen_vips_header(const void *bytes, size_t length) {
    return vips_image_new_from_buffer(bytes, length, "", NULL);
}

/* The image decoded whole, failing on any decoder error (a truncated file
   is an error, not a grey band). */
static inline VipsImage *sitegen_vips_decode(const void *bytes, size_t length) {
    return vips_image_new_from_buffer(bytes, length, "", "fail_on", VIPS_FAIL_ON_ERROR, NULL);
}

/* Scaled to `width` pixels wide (never up), turned as its orientation tag
   says, in sRGB. */
static inline int sitegen_vips_thumbnail(const void *bytes, size_t length, int width, VipsImage **out) {
    return vips_thumbnail_buffer((void *)bytes, length, out, width,
        "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN, "export_profile", "srgb",
        "option_string", "fail_on=error", NULL);
}

static inline int sitegen_vips_srgb(VipsImage *in, VipsImage **out) {
    return vips_colourspace(in, out, VIPS_INTERPRETATION_sRGB, NULL);
}

/* Encoders with every setting pinned and all metadata left out. */
static inline int sitegen_vips_webp(VipsImage *in, void **bytes, size_t *length, int quality) {
    return vips_webpsave_buffer(in, bytes, length, "Q", quality, "effort", 4, "strip", TRUE,
        "smart_subsample", FALSE, "lossless", FALSE, "near_lossless", FALSE, "min_size", FALSE, NULL);
}

static inline int sitegen_vips_jpeg(VipsImage *in, void **bytes, size_t *length, int quality) {
    return vips_jpegsave_buffer(in, bytes, length, "Q", quality, "strip", TRUE, "optimize_coding", TRUE,
        "interlace", TRUE, "trellis_quant", FALSE, "overshoot_deringing", FALSE, "optimize_scans", FALSE,
        "subsample_mode", VIPS_FOREIGN_SUBSAMPLE_ON, NULL);
}

static inline int sitegen_vips_png(VipsImage *in, void **bytes, size_t *length) {
    return vips_pngsave_buffer(in, bytes, length, "compression", 6, "strip", TRUE, "interlace", FALSE,
        "palette", FALSE, "filter", VIPS_FOREIGN_PNG_FILTER_ALL, NULL);
}

/* Encoders that keep metadata: for making test photos with EXIF. */
static inline int sitegen_vips_jpeg_keep(VipsImage *in, void **bytes, size_t *length) {
    return vips_jpegsave_buffer(in, bytes, length, "Q", 90, NULL);
}

static inline int sitegen_vips_png_keep(VipsImage *in, void **bytes, size_t *length) {
    return vips_pngsave_buffer(in, bytes, length, NULL);
}

static inline int sitegen_vips_webp_keep(VipsImage *in, void **bytes, size_t *length) {
    return vips_webpsave_buffer(in, bytes, length, "Q", 90, NULL);
}
#endif
